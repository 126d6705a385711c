import { db, schema } from "~/db.server";

export function recordAudit(entry: {
  actorUserId: number | null;
  organisationId?: number | null;
  action: string;
  entity: string;
  entityId?: number | null;
  detail?: unknown;
}) {
  db.insert(schema.auditLog)
    .values({
      actorUserId: entry.actorUserId,
      organisationId: entry.organisationId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      detail: entry.detail ?? null,
    })
    .run();
}
