/**
 * Emails cooperatives about verified certificates expiring within 90 days that were not warned about yet.
 * Safe to run from cron as often as you like: each certificate is warned about once (`expiry_warned_at`).
 */
import { sendExpiryWarnings } from "~/services/certificate-warnings.server";

const result = await sendExpiryWarnings();
console.log(`Expiry warnings: ${result.sent} email(s) for ${result.certificates} certificate(s), ${result.failed} failed.`);
if (result.failed) process.exitCode = 1;
