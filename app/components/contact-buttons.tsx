import { Link } from "@remix-run/react";
import { useT } from "~/i18n";

export type ContactDetails = { slug: string; phone: string | null; zalo: string | null; contactName?: string | null };

/**
 * Phone, Zalo and "message the cooperative" for a cooperative profile or product page. Phone and Zalo are passed
 * only for a signed-in buyer (the loader decides: `contactForViewer`); otherwise a log-in prompt shows instead.
 */
export function ContactButtons({ contact, productId, slug }: { contact: ContactDetails | null; productId?: number; slug: string }) {
  const t = useT();
  const messageTo = productId ? `/products/${productId}/inquire` : `/cooperatives/${slug}/contact`;
  return (
    <div className="orders-contact">
      {contact ? (
        <ul className="orders-contact-list">
          {contact.contactName ? <li>{t("orders.contact.person", { name: contact.contactName })}</li> : null}
          {contact.phone ? (
            <li>
              <a className="button button-secondary" href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`}>
                {t("orders.contact.call", { phone: contact.phone })}
              </a>
            </li>
          ) : null}
          {contact.zalo ? (
            <li>
              <a className="button button-secondary" href={`https://zalo.me/${contact.zalo.replace(/[^\d]/g, "")}`} rel="noopener noreferrer" target="_blank">
                {t("orders.contact.chatZalo")}
              </a>{" "}
              <span className="muted">{t("orders.contact.zalo", { zalo: contact.zalo })}</span>
            </li>
          ) : null}
        </ul>
      ) : (
        <p className="muted">
          <Link to={`/login?redirectTo=${encodeURIComponent(messageTo)}`}>{t("orders.contact.loginToSee")}</Link>
        </p>
      )}
      <p>
        <Link className="button" to={messageTo}>
          {t("orders.contact.message")}
        </Link>
        {productId ? (
          <>
            {" "}
            <Link className="button button-secondary" to={`/products/${productId}/quote`}>
              {t("orders.quotes.request")}
            </Link>
          </>
        ) : null}
      </p>
    </div>
  );
}
