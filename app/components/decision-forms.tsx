import { Form } from "@remix-run/react";
import { useId } from "react";
import { useT } from "~/i18n";

/**
 * Verify, or reject with a reason; both post to the target's own route. Verifying asks for an explicit "I checked
 * the evidence" (a required checkbox, so it works without JavaScript) and takes an optional note, kept as the
 * decision's reason; a stray click no longer verifies anything. `returnTo` may carry a #fragment: the queue sends
 * the moderator on to the next item instead of back to its top.
 */
export function DecisionForms({ action, returnTo, label }: { action: string; returnTo: string; label: string }) {
  const t = useT();
  const id = useId();
  return (
    <div className="catalogue-decision">
      <Form method="post" action={action} className="catalogue-inline-form">
        <input type="hidden" name="decision" value="verify" />
        <input type="hidden" name="returnTo" value={returnTo} />
        <label htmlFor={`${id}-note`}>{t("catalogue.alliance.verifyNote")}</label>
        <input id={`${id}-note`} name="reason" maxLength={500} />
        <label className="catalogue-confirm">
          <input type="checkbox" name="checked" required /> {t("catalogue.alliance.verifyChecked")}
        </label>
        <button type="submit" className="primary" aria-label={t("catalogue.alliance.verifyLabel", { what: label })}>
          {t("catalogue.alliance.verify")}
        </button>
      </Form>
      <Form method="post" action={action} className="catalogue-inline-form">
        <input type="hidden" name="decision" value="reject" />
        <input type="hidden" name="returnTo" value={returnTo} />
        <label htmlFor={`${id}-reason`}>{t("catalogue.alliance.reason")}</label>
        <input id={`${id}-reason`} name="reason" required maxLength={500} />
        <button type="submit" className="button button-danger" aria-label={t("catalogue.alliance.rejectLabel", { what: label })}>
          {t("catalogue.alliance.reject")}
        </button>
      </Form>
    </div>
  );
}

/** Uploaded evidence lives under /uploads; the demo seed points at one sample image under /demo instead. */
export function evidenceUrl(path: string) {
  return path.startsWith("/") ? path : `/uploads/${path}`;
}

/** The evidence file beside the claim: an image inline, a PDF embedded with a link to open it. */
export function Evidence({ path, mime, title }: { path: string | null; mime: string | null; title: string }) {
  const t = useT();
  if (!path) return <p className="muted">{t("catalogue.alliance.noEvidence")}</p>;
  const url = evidenceUrl(path);
  return (
    <figure className="catalogue-evidence">
      {mime === "application/pdf" ? (
        <iframe src={url} title={title} className="catalogue-evidence-frame" />
      ) : (
        <img src={url} alt={title} />
      )}
      <figcaption>
        <a href={url} target="_blank" rel="noopener">
          {t("catalogue.certificate.viewEvidence")}
        </a>
      </figcaption>
    </figure>
  );
}
