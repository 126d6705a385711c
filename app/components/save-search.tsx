import { Form, Link } from "@remix-run/react";
import { useId } from "react";
import { useT } from "~/i18n";

/** "Save this search" on /search: a name and the current query string, posted to the saved-searches page. */
export function SaveSearchForm({ canSave, search, suggestedName }: { canSave: boolean; search: string; suggestedName: string }) {
  const t = useT();
  const id = useId();
  if (!canSave) {
    return (
      <p className="muted harvest-save-hint">
        <Link to={`/login?redirectTo=${encodeURIComponent(`/search${search}`)}`}>{t("harvest.saved.loginToSave")}</Link>
      </p>
    );
  }
  return (
    <Form method="post" action="/account/saved-searches" className="harvest-save-search">
      <input type="hidden" name="intent" value="save" />
      <input type="hidden" name="search" value={search} />
      <label htmlFor={id}>{t("harvest.saved.name")}</label>
      <input id={id} name="name" defaultValue={suggestedName.slice(0, 80)} maxLength={80} required />
      <button type="submit" className="button button-secondary button-small">
        {t("harvest.saved.save")}
      </button>
    </Form>
  );
}
