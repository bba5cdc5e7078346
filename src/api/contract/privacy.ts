/** Privacy: analytics consent and the GDPR data export. */
import * as z from 'zod/mini';
import { dateTime } from './common.js';
import { id } from './fields.js';
import type { ContractPart } from './part.js';

export const PrivacySettings = z.object({ analyticsEnabled: z.boolean() });

export const PrivacyUpdate = z.object({ analyticsEnabled: z.boolean() });

export const ExportJob = z.object({
  id,
  status: z.enum(['queued', 'running', 'ready', 'failed', 'expired']),
  /** 0–100. */
  progress: z.number().check(z.gte(0), z.lte(100)),
  requestedAt: dateTime,
  readyAt: z.nullable(dateTime),
  expiresAt: z.nullable(dateTime),
  downloadUrl: z.nullable(z.string()),
  /**
   * The media type of the file behind `downloadUrl` (`application/zip`, `application/json`…),
   * named on the download button. Optional: without it the button names no format.
   */
  mediaType: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
  error: z.nullable(z.string()),
});

export const DataExportState = z.object({ job: z.nullable(ExportJob) });

export const privacyContract = {
  getPrivacySettings: { response: PrivacySettings },
  updatePrivacySettings: { body: PrivacyUpdate, response: PrivacySettings },
  getDataExport: { response: DataExportState },
  requestDataExport: { response: DataExportState },
} as const satisfies ContractPart;

export type PrivacySettings = z.infer<typeof PrivacySettings>;
export type PrivacyUpdate = z.infer<typeof PrivacyUpdate>;
export type ExportJob = z.infer<typeof ExportJob>;
export type DataExportState = z.infer<typeof DataExportState>;
