import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireOrganisationRole } from "~/services/auth.server";
import { analyseCsv, MAX_CSV_BYTES, type RowReport } from "~/capabilities/catalogue/csv-import.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormErrors } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { isMessageKey, translateMaybe, useLocale, useT, type MessageKey } from "~/i18n";
import { recordAudit } from "~/models/audit.server";
import { ConflictError, importProducts } from "~/models/product.server";
import { fileFrom, parseMultipart, UploadError } from "~/services/uploads.server";

const confirmSchema = z.object({ intent: z.literal("confirm"), csv: z.string().min(1).max(MAX_CSV_BYTES) });

type ActionData = { stage: "preview" | "error"; fileErrors: string[]; rows: RowReport[]; csv: string | null; validCount: number };

function reply(body: ActionData, status: number) {
  return data(body, { status });
}

export async function loader({ request }: LoaderFunctionArgs) {
  requireOrganisationRole(request, { kind: "cooperative" });
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, organisation } = requireOrganisationRole(request, { kind: "cooperative" });
  let formData: FormData;
  try {
    formData = await parseMultipart(request, { maxBytes: MAX_CSV_BYTES });
  } catch (error) {
    if (error instanceof UploadError) {
      return reply({ stage: "error", fileErrors: [error.status === 413 ? "catalogue.import.tooLarge" : error.messageKey], rows: [], csv: null, validCount: 0 }, error.status);
    }
    throw error;
  }
  if (formData.get("intent") === "confirm") {
    // The confirmed text is checked again: nothing from the preview is trusted.
    const parsed = confirmSchema.safeParse({ intent: formData.get("intent"), csv: formData.get("csv") });
    if (!parsed.success) return reply({ stage: "error", fileErrors: ["catalogue.import.empty"], rows: [], csv: null, validCount: 0 }, 400);
    const analysis = analyseCsv(parsed.data.csv);
    if (!analysis.ok) return reply({ stage: "error", fileErrors: analysis.fileErrors, rows: analysis.rows, csv: null, validCount: analysis.validCount }, 422);
    try {
      const ids = importProducts({ cooperativeId: organisation.id, rows: analysis.values });
      recordAudit({ actorUserId: user.id, organisationId: organisation.id, action: "products_imported", entity: "product", detail: { count: ids.length } });
      return redirect(`/dashboard/products?imported=${ids.length}`);
    } catch (error) {
      if (error instanceof ConflictError) return reply({ stage: "error", fileErrors: [error.messageKey], rows: [], csv: null, validCount: 0 }, 409);
      throw error;
    }
  }
  const file = fileFrom(formData.get("file"));
  if (!file) return reply({ stage: "error", fileErrors: ["catalogue.import.noFile"], rows: [], csv: null, validCount: 0 }, 400);
  const buffer = Buffer.from(await file.arrayBuffer());
  // A CSV is text: a NUL byte or invalid UTF-8 means another kind of file, whatever its name says.
  const text = new TextDecoder("utf-8", { fatal: false }).decode(buffer);
  if (buffer.includes(0) || text.includes("\uFFFD")) {
    return reply({ stage: "error", fileErrors: ["catalogue.import.notCsv"], rows: [], csv: null, validCount: 0 }, 415);
  }
  const analysis = analyseCsv(text);
  if (!analysis.ok) return reply({ stage: "error", fileErrors: analysis.fileErrors, rows: analysis.rows, csv: null, validCount: analysis.validCount }, 422);
  return reply({ stage: "preview", fileErrors: [], rows: analysis.rows, csv: text, validCount: analysis.rows.length }, 200);
}

function Message({ message }: { message: string }) {
  const t = useT();
  const locale = useLocale();
  const [key, param] = message.split(":");
  if (param && key && isMessageKey(key)) return <>{t(key as MessageKey, { line: param })}</>;
  return <>{translateMaybe(locale, message)}</>;
}

export default function ImportProducts() {
  const t = useT();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const invalid = result?.rows.filter((r) => r.errors.length) ?? [];
  return (
    <section className="stack">
      <h1>{t("catalogue.import.title")}</h1>
      <p>{t("catalogue.import.lead")}</p>
      <p>
        <a href="/dashboard/products/template.csv" download>
          {t("catalogue.import.template")}
        </a>
      </p>
      <Form method="post" encType="multipart/form-data" className="form">
        <div className="field">
          <label htmlFor="csv-file">{t("catalogue.import.file")}</label>
          <input id="csv-file" type="file" name="file" accept=".csv,text/csv" required />
        </div>
        <div>
          <button type="submit" name="intent" value="preview" className="button" disabled={navigation.state === "submitting"}>
            {t("catalogue.import.preview")}
          </button>
        </div>
      </Form>
      {result ? <FormErrors errors={result.fileErrors} /> : null}
      {invalid.length ? (
        <section className="stack" aria-labelledby="invalid-rows">
          <h2 id="invalid-rows">{t("catalogue.import.invalidRows", { n: invalid.length, valid: result?.validCount ?? 0 })}</h2>
          <div className="table-wrap" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("catalogue.import.line")}</th>
                  <th scope="col">{t("catalogue.product.name")}</th>
                  <th scope="col">{t("catalogue.import.reasons")}</th>
                </tr>
              </thead>
              <tbody>
                {invalid.map((r) => (
                  <tr key={r.line}>
                    <td>{r.line}</td>
                    <td>{r.name}</td>
                    <td>
                      <ul>
                        {r.errors.map((e, i) => (
                          <li key={i}>
                            <code>{e.column}</code>: <Message message={e.message} />
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>{t("catalogue.import.nothingImported")}</p>
        </section>
      ) : null}
      {result?.stage === "preview" && result.csv ? (
        <section className="stack" aria-labelledby="preview-rows">
          <h2 id="preview-rows">{t("catalogue.import.ready", { n: result.rows.length })}</h2>
          <ul>
            {result.rows.map((r) => (
              <li key={r.line}>{r.name}</li>
            ))}
          </ul>
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="csv" value={result.csv} />
            <button type="submit" name="intent" value="confirm" className="primary" disabled={navigation.state === "submitting"}>
              {t("catalogue.import.confirm", { n: result.rows.length })}
            </button>{" "}
            <Link to="/dashboard/products">{t("common.cancel")}</Link>
          </Form>
        </section>
      ) : null}
    </section>
  );
}

export const meta: MetaFunction = ({ matches }) => pageMeta(matches, (t) => ({ title: t("catalogue.import.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
