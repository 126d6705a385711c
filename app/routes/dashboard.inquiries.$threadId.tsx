import { getFormProps, useForm } from "@conform-to/react";
import { decimal } from "~/lib/validation";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ErrorList, FormErrors, TextAreaField } from "~/components/forms";
import { pageMeta } from "~/components/meta";
import { useLocale, useT } from "~/i18n";
import { handleReply } from "~/capabilities/contact/inquiry.server";
import { formatDateTime } from "~/lib/money";
import { messageSchema } from "~/lib/order-forms";
import { getThreadForOrganisation, markThreadRead } from "~/models/thread.server";
import { notFound, requireTrader } from "~/capabilities/orders/route-helpers.server";

const idParam = decimal(z.number().int().positive());

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { organisation } = requireTrader(request);
  const id = idParam.safeParse(params.threadId);
  const view = id.success ? getThreadForOrganisation({ id: id.data, organisationId: organisation.id }) : null;
  if (!view) throw notFound(request, "orders.errors.threadNotFound");
  // Opening the thread is reading it.
  markThreadRead({ threadId: view.thread.id, organisationId: organisation.id });
  return { ...view, organisationId: organisation.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, organisation } = requireTrader(request);
  const id = idParam.safeParse(params.threadId);
  if (!id.success || !getThreadForOrganisation({ id: id.data, organisationId: organisation.id })) throw notFound(request, "orders.errors.threadNotFound");
  const result = await handleReply(request, { organisation, userId: user.id, threadId: id.data });
  if (result === null) throw notFound(request, "orders.errors.threadNotFound");
  return result;
}

export default function Thread() {
  const t = useT();
  const locale = useLocale();
  const { thread, messages, organisationId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: lastResult ?? null,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: messageSchema }),
    shouldValidate: "onSubmit",
  });
  const attachmentErrors = lastResult?.error?.attachment ?? undefined;
  return (
    <section className="stack orders-thread">
      <p>
        <Link to="/dashboard/inquiries">← {t("orders.threads.back")}</Link>
      </p>
      <h1>{thread.subject}</h1>
      <p className="muted">
        {t("orders.threads.with", { name: thread.buyerId === organisationId ? thread.cooperativeName : thread.buyerName })}
        {thread.productName ? ` · ${t("orders.inquiry.about", { product: thread.productName })}` : ""}
      </p>
      <ol className="orders-messages">
        {messages.map((m) => (
          <li key={m.id} className={`orders-message ${m.senderOrgId === organisationId ? "orders-message-mine" : "orders-message-theirs"}`}>
            <p className="orders-message-meta">
              <strong>{m.senderName ?? ""}</strong> · {m.senderOrgId === thread.buyerId ? thread.buyerName : thread.cooperativeName} ·{" "}
              <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale)}</time>
            </p>
            <p className="orders-message-body">{m.body}</p>
            {m.attachments.map((a) => (
              <p key={a.id}>
                <a href={`/uploads/${a.path}`} target="_blank" rel="noreferrer">
                  {t("orders.threads.attachment", { name: a.filename })}
                </a>
              </p>
            ))}
          </li>
        ))}
      </ol>
      <Form method="post" encType="multipart/form-data" className="form" {...getFormProps(form)}>
        <h2>{t("orders.threads.reply")}</h2>
        <FormErrors errors={form.errors} />
        <TextAreaField field={fields.body} label={t("orders.threads.yourReply")} rows={4} maxLength={5000} />
        <div className="field">
          <label htmlFor="reply-attachment">{t("orders.inquiry.attachment")}</label>
          <input id="reply-attachment" name="attachment" type="file" accept="image/jpeg,image/png,image/webp,application/pdf" />
          <ErrorList errors={attachmentErrors} />
        </div>
        <div>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            {t("orders.inquiry.send")}
          </button>
        </div>
      </Form>
    </section>
  );
}

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageMeta(matches, (t) => ({ title: data?.thread.subject ?? t("orders.threads.title") }));

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
