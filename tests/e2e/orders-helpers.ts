import crypto from "node:crypto";
import { e2eDb, uniqueEmail, uniqueTaxCode } from "./fixtures";

/**
 * A fresh buying business with one owner, written straight into the e2e database: tests run in parallel, and a
 * cart belongs to an organisation, so each test needs its own buyer.
 */
export function createBuyer(name: string) {
  const db = e2eDb();
  try {
    const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${crypto.randomBytes(3).toString("hex")}`;
    const org = db
      .prepare("insert into organisations (kind, name, slug, province_code, commune, address, tax_code, buyer_type) values ('buyer', ?, ?, '79', null, null, ?, 'distributor') returning id")
      .get(name, slug, uniqueTaxCode()) as { id: number };
    const email = uniqueEmail("orders-buyer");
    const user = db.prepare("insert into users (email, name, password_hash) values (?, ?, 'not-a-login-password') returning id").get(email, `Người mua ${name}`) as { id: number };
    db.prepare("insert into memberships (user_id, organisation_id, role) values (?, ?, 'owner')").run(user.id, org.id);
    return { email, organisationId: org.id, userName: `Người mua ${name}` };
  } finally {
    db.close();
  }
}

/** A published product of the demo cooperative, by position, with enough stock for a test order. */
export function demoProduct(position: number) {
  const db = e2eDb();
  try {
    const row = db
      .prepare(
        `select p.id, p.name_vi as name, p.unit, p.min_order_qty as moq, p.stock from products p
         join organisations o on o.id = p.cooperative_id
         where o.slug = (select o2.slug from organisations o2 join memberships m on m.organisation_id = o2.id join users u on u.id = m.user_id where u.email = 'htx@demo.chohtx.vn')
           and p.status = 'published' order by p.id limit 1 offset ?`,
      )
      .get(position) as { id: number; name: string; unit: string; moq: number; stock: number };
    return row;
  } finally {
    db.close();
  }
}

/**
 * A new published product of the demo cooperative (42.000 ₫/kg, minimum order 10, 500 in stock): for a test that
 * must be the only one to order or alert on it.
 */
export function addDemoProduct(slug: string, name: string) {
  const db = e2eDb();
  try {
    const row = db
      .prepare(
        `insert into products (cooperative_id, slug, name_vi, category_code, unit, origin_province_code, price, min_order_qty, stock, status, published_at)
         select id, ?, ?, 'I.1.a', 'kg', '86', 42000, 10, 500, 'published', ? from organisations where slug = 'htx-nong-nghiep-phu-ngai' returning id, min_order_qty as moq`,
      )
      .get(slug, name, new Date().toISOString()) as { id: number; moq: number };
    return row;
  } finally {
    db.close();
  }
}

export function orderStatus(number: string) {
  const db = e2eDb();
  try {
    return (db.prepare("select status from orders where number = ?").get(number) as { status: string } | undefined)?.status;
  } finally {
    db.close();
  }
}
