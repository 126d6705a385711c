import { useLocale, useT, type MessageKey } from "~/i18n";
import { formatDate, formatNumber } from "~/lib/money";

export type RecentLotView = {
  id: number;
  code: string;
  harvestDate: string;
  bestBeforeDate: string;
  quantity: number;
  unit: string;
  traceUrl: string;
  digitalLink: string | null;
};

/**
 * A product's newest lots with the two links its QR code leads to (the trace page, and the GS1 Digital Link the
 * resolver answers), so a buyer sees what the consumer will see before ordering.
 */
export function RecentLots({ lots }: { lots: RecentLotView[] }) {
  const t = useT();
  const locale = useLocale();
  if (!lots.length) return null;
  return (
    <section aria-labelledby="recent-lots" className="stack">
      <h2 id="recent-lots">{t("productLots.title")}</h2>
      <p className="muted">{t("productLots.lead")}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="recent-lots">
        <table className="cards-on-phone">
          <thead>
            <tr>
              <th scope="col">{t("productLots.lot")}</th>
              <th scope="col">{t("productLots.harvested")}</th>
              <th scope="col">{t("productLots.bestBefore")}</th>
              <th scope="col">{t("productLots.quantity")}</th>
              <th scope="col">{t("productLots.links")}</th>
            </tr>
          </thead>
          <tbody>
            {lots.map((lot) => (
              <tr key={lot.id}>
                <th scope="row">
                  <code>{lot.code}</code>
                </th>
                <td data-label={t("productLots.harvested")}>{formatDate(lot.harvestDate, locale)}</td>
                <td data-label={t("productLots.bestBefore")}>{formatDate(lot.bestBeforeDate, locale)}</td>
                <td data-label={t("productLots.quantity")}>{`${formatNumber(lot.quantity, locale)} ${t(`unit.${lot.unit}` as MessageKey)}`}</td>
                <td data-label={t("productLots.links")}>
                  <a href={lot.traceUrl} aria-label={t("productLots.tracePage", { lot: lot.code })}>
                    {t("productLots.traceShort")}
                  </a>
                  {lot.digitalLink ? (
                    <>
                      {" · "}
                      <a href={lot.digitalLink} aria-label={t("productLots.digitalLink", { lot: lot.code })}>
                        {t("productLots.digitalLinkShort")}
                      </a>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
