import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { recordAudit } from "./audit.server";

/** The workers a cooperative declares for the alliance's report (the rollup trigger counts them per province). */
export function getWorkforce({ cooperativeId }: { cooperativeId: number }) {
  return db.select().from(schema.cooperativeWorkforce).where(eq(schema.cooperativeWorkforce.cooperativeId, cooperativeId)).get() ?? null;
}

/** Declares (or corrects) the number of workers, with the audit entry, in one transaction. */
export function declareWorkforce({ cooperativeId, workers, actorUserId }: { cooperativeId: number; workers: number; actorUserId: number }) {
  db.transaction(() => {
    const declaredAt = new Date().toISOString();
    db.insert(schema.cooperativeWorkforce)
      .values({ cooperativeId, workers, declaredAt })
      .onConflictDoUpdate({ target: schema.cooperativeWorkforce.cooperativeId, set: { workers, declaredAt } })
      .run();
    recordAudit({ actorUserId, organisationId: cooperativeId, action: "workforce_declared", entity: "organisation", entityId: cooperativeId, detail: { workers } });
  });
}
