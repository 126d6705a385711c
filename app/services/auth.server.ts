import { redirect } from "@remix-run/node";
import type { schema } from "~/db.server";
import { secureCookies } from "~/env.server";
import { getT } from "~/i18n";
import { getLocale } from "~/i18n/server";
import { safeRedirect } from "~/lib/safe-redirect";
import { addMinutes, hashToken, nowIso, randomToken } from "~/lib/tokens.server";
import { deleteExpiredSessions, deleteSession, deleteUserSessions, findLiveSession, insertSession } from "~/models/session.server";
import { getMemberships, getUserById } from "~/models/user.server";

export { safeRedirect };

const COOKIE = "__session";
const SESSION_DAYS = 30;

function readToken(request: Request): string | null {
  const cookie = request.headers.get("Cookie");
  const match = cookie?.match(/(?:^|;\s*)__session=([A-Za-z0-9_-]{20,100})(?:;|$)/);
  return match?.[1] ?? null;
}

function cookieHeader(value: string, maxAge: number): string {
  return `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secureCookies ? "; Secure" : ""}`;
}

/** Creates a session row and returns the `Set-Cookie` header that carries its token. */
export function createSession({ userId, request }: { userId: number; request: Request }): string {
  forgetThisTurn();
  const token = randomToken();
  insertSession({
    tokenHash: hashToken(token),
    userId,
    expiresAt: addMinutes(nowIso(), SESSION_DAYS * 24 * 60),
    userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
  });
  return cookieHeader(token, SESSION_DAYS * 24 * 3600);
}

/*
 * One request asks "who is this?" several times (the root loader, the route's loader, helpers such as the contact
 * card), each with its own copy of the Request. The answer per session token is kept until the event loop's next
 * turn, so a request looks its session up once and a later request always looks again. Any session write in this
 * module clears it.
 */
const thisTurn = new Map<string, number | null>();
function forgetThisTurn() {
  thisTurn.clear();
}

/** The signed-in user's id, or null; a request without a session cookie costs no query. */
export function getUserId(request: Request): number | null {
  const token = readToken(request);
  if (!token) return null;
  const known = thisTurn.get(token);
  if (known !== undefined) return known;
  if (!thisTurn.size) setImmediate(forgetThisTurn);
  const userId = findLiveSession({ tokenHash: hashToken(token) })?.userId ?? null;
  thisTurn.set(token, userId);
  return userId;
}

export function getUser(request: Request) {
  const userId = getUserId(request);
  return userId ? getUserById(userId) : null;
}

function loginRedirect(request: Request, redirectTo?: string) {
  const url = new URL(request.url);
  const to = safeRedirect(redirectTo ?? `${url.pathname}${url.search}`);
  return redirect(`/login?${new URLSearchParams({ redirectTo: to })}`);
}

export function requireUserId(request: Request, { redirectTo }: { redirectTo?: string } = {}): number {
  const userId = getUserId(request);
  if (!userId) throw loginRedirect(request, redirectTo);
  return userId;
}

export function requireUser(request: Request) {
  const user = getUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

export function forbidden(request: Request): Response {
  const t = getT(getLocale(request));
  return new Response(t("errors.forbidden"), { status: 403, statusText: "Forbidden" });
}

type Kind = (typeof schema.organisationKinds)[number];
type Role = (typeof schema.membershipRoles)[number];

/**
 * The signed-in user's organisation of the given kind, where their role is one of `roles`.
 * Not signed in: redirect to login. Signed in without such a membership: 403.
 */
export function requireOrganisationRole(
  request: Request,
  { kind, roles = ["owner", "staff"] }: { kind?: Kind | Kind[]; roles?: Role[] } = {},
) {
  const user = requireUser(request);
  const kinds = kind === undefined ? undefined : Array.isArray(kind) ? kind : [kind];
  // A suspended organisation's people keep their account but lose access to its dashboard.
  const membership = getMemberships(user.id).find(
    (m) => m.organisation.status !== "suspended" && (!kinds || kinds.includes(m.organisation.kind)) && roles.includes(m.role),
  );
  if (!membership) throw forbidden(request);
  return { user, organisation: membership.organisation, role: membership.role };
}

export function requirePlatformAdmin(request: Request) {
  const user = requireUser(request);
  if (!user.isPlatformAdmin) throw forbidden(request);
  return user;
}

export function clearSessionCookie(): string {
  return cookieHeader("", 0);
}

/** Ends this session and returns the header that clears the cookie. */
export function destroySession(request: Request): string {
  const token = readToken(request);
  forgetThisTurn();
  if (token) deleteSession({ tokenHash: hashToken(token) });
  return cookieHeader("", 0);
}

/** "Log out everywhere": every session of the user, this one included. */
export function destroyAllSessions(userId: number) {
  forgetThisTurn();
  deleteUserSessions({ userId });
}

export function purgeExpiredSessions() {
  forgetThisTurn();
  deleteExpiredSessions();
}

export function clientAddress(request: Request): string {
  // Set by server.js from the socket (or the proxy when TRUST_PROXY is on); tests may set it directly.
  return request.headers.get("X-Client-Address") ?? "unknown";
}
