import { Form, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { Notice } from "~/components/forms";
import { useLocale, useT } from "~/i18n";
import { formatDateTime, formatVnd } from "~/lib/money";

export type Transfer = { image: string; amount: number; holder: string; bin: string; account: string; note: string };

/**
 * A copy button that exists only once JavaScript runs (without it the value beside it is plain selectable text,
 * `user-select: all`, so one tap selects it whole).
 */
function CopyButton({ value, label }: { value: string; label: string }) {
  const t = useT();
  const [ready, setReady] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <>
      <button
        type="button"
        className="button button-small button-secondary commerce-copy"
        aria-label={label}
        data-copied={copied}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(value);
            setCopied(true);
          } catch {
            setCopied(false);
          }
        }}
      >
        {t("commerce.vietqr.copy")}
      </button>
      <span role="status" className="muted">
        {copied ? t("commerce.vietqr.copied") : ""}
      </span>
    </>
  );
}

/**
 * The VietQR step of a bank-transfer order: the code (and a PNG to save), the details with copy buttons, and for
 * the buyer "Tôi đã chuyển khoản", which tells the cooperative; the cooperative still marks the money received.
 */
export function VietQrPayment({
  orderId,
  transfer,
  party,
  reportedAt,
}: {
  orderId: number;
  transfer: Transfer;
  party: "buyer" | "cooperative";
  reportedAt: string | null;
}) {
  const t = useT();
  const locale = useLocale();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <div className="commerce-vietqr-block">
      <h3>{t("orders.detail.vietqrTitle")}</h3>
      <div className="commerce-vietqr">
        <figure>
          <img src={transfer.image} width={240} height={240} alt={t("orders.detail.vietqrAlt", { amount: formatVnd(transfer.amount, locale), holder: transfer.holder })} />
          <figcaption>
            <a href={`/dashboard/orders/${orderId}/qr.png`} download className="button button-small button-secondary">
              {t("commerce.vietqr.download")}
            </a>
          </figcaption>
        </figure>
        <div>
          <p>{t("orders.detail.vietqrHelp")}</p>
          <ul className="commerce-transfer orders-transfer">
            <li>{t("orders.detail.bank", { bin: transfer.bin })}</li>
            <li>
              <span>
                {t("commerce.vietqr.accountLabel")}: <code>{transfer.account}</code>
              </span>
              <CopyButton value={transfer.account} label={t("commerce.vietqr.copyAccount")} />
            </li>
            <li>{t("orders.detail.holder", { holder: transfer.holder })}</li>
            <li>{t("orders.detail.amount", { amount: formatVnd(transfer.amount, locale) })}</li>
            <li>
              <span>
                {t("commerce.vietqr.noteLabel")}: <code>{transfer.note}</code>
              </span>
              <CopyButton value={transfer.note} label={t("commerce.vietqr.copyNote")} />
            </li>
          </ul>
        </div>
      </div>
      <div className="commerce-report">
        {reportedAt ? (
          <Notice tone="success">
            {t(party === "buyer" ? "commerce.vietqr.reported" : "commerce.vietqr.reportedCoop", { time: formatDateTime(reportedAt, locale) })}
          </Notice>
        ) : party === "buyer" ? (
          <Form method="post">
            <h3>{t("commerce.vietqr.reportTitle")}</h3>
            <p className="muted">{t("commerce.vietqr.reportHelp")}</p>
            <input type="hidden" name="intent" value="reportTransfer" />
            <button type="submit" className="button" disabled={busy}>
              {t("commerce.vietqr.report")}
            </button>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
