import { and, asc, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { activeBadgesForCooperative } from "./badges.server";
import { recordAudit } from "./audit.server";

/* ---------------------------------------------------------------- Public profile */

/** A cooperative's public profile by slug, or null. Contact details only for signed-in viewers. */
export function getCooperativeProfile({ slug, signedIn }: { slug: string; signedIn: boolean }) {
  const coop = db
    .select()
    .from(schema.organisations)
    .where(and(eq(schema.organisations.slug, slug), eq(schema.organisations.kind, "cooperative")))
    .get();
  if (!coop || coop.status !== "active") return null;
  const province = db.select().from(schema.provinces).where(eq(schema.provinces.code, coop.provinceCode)).get() ?? null;
  const publicMembers = db
    .select({ id: schema.members.id, name: schema.members.name, commune: schema.members.commune })
    .from(schema.members)
    .where(and(eq(schema.members.cooperativeId, coop.id), eq(schema.members.publicConsent, true)))
    .orderBy(asc(schema.members.name))
    .all();
  return {
    cooperative: {
      id: coop.id,
      name: coop.name,
      slug: coop.slug,
      cooperativeType: coop.cooperativeType,
      registrationNumber: coop.registrationNumber,
      yearFounded: coop.yearFounded,
      provinceCode: coop.provinceCode,
      commune: coop.commune,
      address: coop.address,
      memberCount: coop.memberCount,
      areaHa: coop.areaHa,
      mainProducts: coop.mainProducts,
      descriptionVi: coop.descriptionVi,
      descriptionEn: coop.descriptionEn,
      website: coop.website,
      verified: !!coop.verifiedAt,
    },
    contact: signedIn ? { contactName: coop.contactName, phone: coop.phone, zalo: coop.zalo, email: coop.email } : null,
    province,
    publicMembers,
    photos: listCooperativePhotos({ cooperativeId: coop.id }),
    badges: activeBadgesForCooperative({ cooperativeId: coop.id }),
  };
}

export function listCooperativePhotos({ cooperativeId }: { cooperativeId: number }) {
  return db
    .select()
    .from(schema.cooperativePhotos)
    .where(eq(schema.cooperativePhotos.cooperativeId, cooperativeId))
    .orderBy(asc(schema.cooperativePhotos.position), asc(schema.cooperativePhotos.id))
    .all();
}

/* ---------------------------------------------------------------- Profile editing */

export type ProfileInput = {
  name: string;
  cooperativeType: (typeof schema.cooperativeTypes)[number];
  registrationNumber: string | null;
  yearFounded: number | null;
  provinceCode: string;
  commune: string | null;
  address: string | null;
  memberCount: number | null;
  areaHa: number | null;
  mainProducts: string | null;
  descriptionVi: string | null;
  descriptionEn: string | null;
  contactName: string | null;
  phone: string | null;
  zalo: string | null;
  email: string | null;
  website: string | null;
  bankBin: string | null;
  bankAccount: string | null;
  bankHolder: string | null;
};

export class ProfileConflict extends Error {
  constructor(public field: string, public messageKey: string) {
    super(messageKey);
  }
}

/**
 * Saves the profile. Changing the bank account is audited, since payments go there; moving to another province
 * puts the cooperative back in the new province's verification queue.
 */
export function updateCooperativeProfile({
  cooperativeId,
  actorUserId,
  input,
  photos = [],
}: {
  cooperativeId: number;
  actorUserId: number;
  input: ProfileInput;
  photos?: { path: string; width: number; height: number }[];
}) {
  return db.transaction((tx) => {
    const current = tx.select().from(schema.organisations).where(eq(schema.organisations.id, cooperativeId)).get();
    if (!current) return null;
    if (input.registrationNumber && input.registrationNumber !== current.registrationNumber) {
      const taken = tx
        .select({ id: schema.organisations.id })
        .from(schema.organisations)
        .where(eq(schema.organisations.registrationNumber, input.registrationNumber))
        .get();
      if (taken) throw new ProfileConflict("registrationNumber", "errors.registrationTaken");
    }
    const movedProvince = input.provinceCode !== current.provinceCode;
    tx.update(schema.organisations)
      .set({
        ...input,
        updatedAt: new Date().toISOString(),
        ...(movedProvince ? { verifiedAt: null, verifiedBy: null, rejectionReason: null } : {}),
        // A rejected cooperative that corrects its profile goes back into the alliance's queue.
        ...(current.rejectionReason && !current.verifiedAt ? { rejectionReason: null } : {}),
      })
      .where(eq(schema.organisations.id, cooperativeId))
      .run();
    if (photos.length) {
      tx.insert(schema.cooperativePhotos)
        .values(photos.map((p, i) => ({ cooperativeId, path: p.path, width: p.width, height: p.height, alt: input.name, position: i + 1000 })))
        .run();
    }
    const bankChanged =
      input.bankBin !== current.bankBin || input.bankAccount !== current.bankAccount || input.bankHolder !== current.bankHolder;
    if (bankChanged || movedProvince) {
      tx.insert(schema.auditLog)
        .values({
          actorUserId,
          organisationId: cooperativeId,
          action: bankChanged ? "bank_account_changed" : "province_changed",
          entity: "organisation",
          entityId: cooperativeId,
          detail: { bankBin: input.bankBin, bankAccountLast4: input.bankAccount?.slice(-4) ?? null, provinceCode: input.provinceCode },
        })
        .run();
    }
    return true;
  });
}

export function deleteCooperativePhoto({ photoId, cooperativeId }: { photoId: number; cooperativeId: number }) {
  return (
    db
      .delete(schema.cooperativePhotos)
      .where(and(eq(schema.cooperativePhotos.id, photoId), eq(schema.cooperativePhotos.cooperativeId, cooperativeId)))
      .run().changes > 0
  );
}

/* ---------------------------------------------------------------- Member households */

export type MemberInput = {
  name: string;
  commune: string | null;
  areaHa: string | null;
  plantingAreaCode: string | null;
  publicConsent: boolean;
};

export function listMembers({ cooperativeId }: { cooperativeId: number }) {
  return db.select().from(schema.members).where(eq(schema.members.cooperativeId, cooperativeId)).orderBy(asc(schema.members.name), asc(schema.members.id)).all();
}

export function getMember({ id, cooperativeId }: { id: number; cooperativeId: number }) {
  return db.select().from(schema.members).where(and(eq(schema.members.id, id), eq(schema.members.cooperativeId, cooperativeId))).get() ?? null;
}

export function createMember({ cooperativeId, input }: { cooperativeId: number; input: MemberInput }) {
  return db.insert(schema.members).values({ ...input, cooperativeId }).returning().get();
}

export function updateMember({ id, cooperativeId, input }: { id: number; cooperativeId: number; input: MemberInput }) {
  return (
    db
      .update(schema.members)
      .set(input)
      .where(and(eq(schema.members.id, id), eq(schema.members.cooperativeId, cooperativeId)))
      .returning()
      .get() ?? null
  );
}

export function deleteMember({ id, cooperativeId, actorUserId }: { id: number; cooperativeId: number; actorUserId: number }) {
  const changed = db.delete(schema.members).where(and(eq(schema.members.id, id), eq(schema.members.cooperativeId, cooperativeId))).run().changes > 0;
  if (changed) recordAudit({ actorUserId, organisationId: cooperativeId, action: "member_deleted", entity: "member", entityId: id });
  return changed;
}
