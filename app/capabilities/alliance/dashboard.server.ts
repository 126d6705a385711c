import { data } from "@remix-run/node";
import { forbidden } from "~/services/auth.server";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { todayInVietnam } from "~/lib/certificates";
import { parsePeriod, previousPeriod, type Period } from "~/lib/periods";
import { requireModerator } from "~/capabilities/alliance/scope.server";
import { getProvince, type Province } from "~/models/province.server";
import type { Moderator } from "~/models/alliance.server";

/*
 * Route glue shared by the dashboard, the drill-down lists, their CSV and the reports: who may look at which
 * province, and which period. Every refusal happens here, before any figure is read, and nothing is written.
 */

export type PeriodForm = { kind: string; key: string; from: string; to: string };

export type DashboardScope = {
  moderator: Moderator;
  /** null: the national view (platform admin only). */
  province: Province | null;
};

/**
 * The province a request asks for: an alliance admin's own (another province's code is 403), any one for a platform
 * admin, or none for the platform admin's national view. A code that names no province is 404. Cooperatives and
 * buyers get 403 from `requireModerator`.
 */
export function requireDashboardScope(request: Request, url = new URL(request.url)): DashboardScope {
  const moderator = requireModerator(request);
  const code = url.searchParams.get("province");
  if (code) {
    const province = /^\d{2}$/.test(code) ? getProvince(code) : null;
    if (!province) throw new Response(getT(getLocale(request))("alliance.errors.unknownProvince"), { status: 404 });
    if (moderator.provinceCode && moderator.provinceCode !== code) throw forbidden(request);
    return { moderator, province };
  }
  if (moderator.provinceCode) return { moderator, province: getProvince(moderator.provinceCode) };
  return { moderator, province: null };
}

export function periodForm(url: URL): PeriodForm {
  const get = (k: string) => (url.searchParams.get(k) ?? "").slice(0, 40);
  return { kind: get("kind"), key: get("key"), from: get("from"), to: get("to") };
}

export type PeriodChoice = { ok: true; period: Period; previous: Period; form: PeriodForm; today: string } | { ok: false; error: string; form: PeriodForm; today: string };

/** The period from the query string; a bad one is reported with the values the user sent, for the form. */
export function readPeriod(url: URL, today = todayInVietnam()): PeriodChoice {
  const form = periodForm(url);
  // The selector sends only `key`; its shape says the kind (2026-11, 2026-Q4, 2026), "custom" means from/to.
  if (!form.kind && form.key) form.kind = form.key === "custom" ? "custom" : /^\d{4}-Q\d$/.test(form.key) ? "quarter" : /^\d{4}-\d{2}$/.test(form.key) ? "month" : /^\d{4}$/.test(form.key) ? "year" : "invalid";
  if (form.kind === "custom" && form.key === "custom") form.key = "";
  const r = parsePeriod({ kind: form.kind || null, key: form.key || null, from: form.from || null, to: form.to || null }, today);
  if (!r.ok) return { ok: false, error: r.error, form, today };
  return { ok: true, period: r.period, previous: previousPeriod(r.period), form, today };
}

/** For downloads, which have no form to show: a bad period is a plain 400 with the message. */
export function requirePeriod(request: Request, url = new URL(request.url)) {
  const choice = readPeriod(url);
  if (!choice.ok) throw new Response(getT(getLocale(request))(choice.error as never), { status: 400 });
  return choice;
}

/** The query string that reproduces a scope and period (for links between the dashboard, lists and reports). */
export function scopeQuery({ provinceCode, period }: { provinceCode: string | null; period: Period }, extra: Record<string, string> = {}) {
  const q = new URLSearchParams();
  if (provinceCode) q.set("province", provinceCode);
  q.set("kind", period.kind);
  if (period.kind === "custom") {
    q.set("from", period.from);
    q.set("to", period.to);
  } else q.set("key", period.key);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  return q.toString();
}

export function badPeriod<T extends object>(body: T) {
  return data(body, { status: 400 });
}
