/** Privacy settings, the data export and account deletion. */
import type * as s from '../../src/api/schemas.js';
import { DELETION_IMPACT, TIME, seedWorkspaces } from '../seed.js';
import { iso, randomId, type ResolvedOptions, type StoreContext } from './context.js';
import { fieldProblem, MockProblem } from './problem.js';
import { getProfile } from './profile.js';
import { listLoginActivity } from './sessions.js';

const EXPORT_VALID_MS = 7 * TIME.DAY;

interface ExportRecord {
  id: string;
  requestedAt: number;
  durationMs: number;
  fails: boolean;
  downloadUrl: string | null;
}

export interface PrivacyState {
  privacy: s.PrivacySettings;
  exportJob: ExportRecord | null;
  workspaces: s.Workspace[];
}

export function seedPrivacy(o: ResolvedOptions): PrivacyState {
  return { privacy: { analyticsEnabled: true }, exportJob: null, workspaces: seedWorkspaces(o.ownsWorkspaceWithMembers) };
}

export function getPrivacySettings(ctx: StoreContext): s.PrivacySettings {
  return { ...ctx.state.privacy };
}

export function updatePrivacySettings(ctx: StoreContext, update: s.PrivacyUpdate): s.PrivacySettings {
  ctx.state.privacy.analyticsEnabled = update.analyticsEnabled;
  return getPrivacySettings(ctx);
}

// ——— Data export ———

/** The job as the clock sees it now: queued, running, then ready (or failed), then expired. */
function exportJob(ctx: StoreContext): s.ExportJob | null {
  const job = ctx.state.exportJob;
  if (!job) return null;
  const now = ctx.now();
  const elapsed = now - job.requestedAt;
  const base = { id: job.id, requestedAt: iso(job.requestedAt), error: null, readyAt: null, expiresAt: null, downloadUrl: null };
  const queuedFor = Math.min(1000, job.durationMs * 0.15);
  if (elapsed < queuedFor) return { ...base, status: 'queued', progress: 0 };
  if (elapsed < job.durationMs) {
    const progress = Math.min(99, Math.max(1, Math.floor(((elapsed - queuedFor) / (job.durationMs - queuedFor)) * 100)));
    return { ...base, status: 'running', progress };
  }
  const readyAt = job.requestedAt + job.durationMs;
  if (job.fails) return { ...base, status: 'failed', progress: 100, error: 'The export could not be completed. Try again.' };
  const expiresAt = readyAt + EXPORT_VALID_MS;
  if (now >= expiresAt) return { ...base, status: 'expired', progress: 100, readyAt: iso(readyAt), expiresAt: iso(expiresAt) };
  job.downloadUrl ??= exportFile(ctx, readyAt);
  return { ...base, status: 'ready', progress: 100, readyAt: iso(readyAt), expiresAt: iso(expiresAt), downloadUrl: job.downloadUrl, mediaType: EXPORT_MEDIA_TYPE };
}

/** What the mock's export is: one JSON document (a real server may well send an archive, and say so). */
const EXPORT_MEDIA_TYPE = 'application/json';

function exportFile(ctx: StoreContext, at: number): string {
  const data = {
    exportedAt: iso(at),
    profile: getProfile(ctx),
    preferences: ctx.state.preferences,
    notifications: ctx.state.notifications,
    privacy: ctx.state.privacy,
    connectedAccounts: ctx.state.connections.filter((c) => c.connectedAt !== null).map((c) => c.provider),
    sessions: ctx.state.sessions.length,
    loginActivity: listLoginActivity(ctx, { limit: 20 }).items,
  };
  return `data:${EXPORT_MEDIA_TYPE};charset=utf-8,${encodeURIComponent(JSON.stringify(data, null, 2))}`;
}

export function getDataExport(ctx: StoreContext): s.DataExportState {
  return { job: exportJob(ctx) };
}

export function requestDataExport(ctx: StoreContext): s.DataExportState {
  const current = exportJob(ctx);
  if (current && (current.status === 'queued' || current.status === 'running')) {
    throw new MockProblem(409, 'export-in-progress', 'Export in progress', 'An export is already being prepared. You can start another once it finishes.');
  }
  ctx.state.exportJob = {
    id: randomId('exp'),
    requestedAt: ctx.now(),
    durationMs: Math.max(0, ctx.options.exportDurationMs),
    fails: ctx.options.exportFails,
    downloadUrl: null,
  };
  return getDataExport(ctx);
}

// ——— Account deletion ———

function blockingWorkspaces(ctx: StoreContext): s.Workspace[] {
  return ctx.state.workspaces.filter((w) => w.role === 'owner' && w.memberCount > 1).map((w) => ({ ...w }));
}

export function getAccountDeletion(ctx: StoreContext): s.AccountDeletionInfo {
  return {
    email: ctx.state.profile.email,
    ...structuredClone(DELETION_IMPACT),
    blockingWorkspaces: blockingWorkspaces(ctx),
  };
}

export function deleteAccount(ctx: StoreContext, request: s.AccountDeletionRequest): s.Completed {
  const errors: s.FieldError[] = [];
  if (request.email.trim().toLowerCase() !== ctx.state.profile.email.toLowerCase()) {
    errors.push({ field: 'email', message: 'This does not match your account email.' });
  }
  const wrongPassword = request.password !== ctx.state.password;
  if (wrongPassword) errors.push({ field: 'password', message: 'That password is not correct.', code: 'invalid-credentials' });
  if (errors.length) {
    throw fieldProblem(422, wrongPassword ? 'invalid-credentials' : 'validation', 'Check the confirmation', errors);
  }
  const blocking = blockingWorkspaces(ctx);
  if (blocking.length) {
    throw new MockProblem(
      409,
      'workspace-owner',
      'You own workspaces with other members',
      'Transfer ownership of these workspaces, or delete them, before you delete your account.',
      { workspaces: blocking },
    );
  }
  ctx.state.signedIn = false;
  return { completedAt: iso(ctx.now()) };
}

export function setWorkspaces(ctx: StoreContext, workspaces: s.Workspace[]): void {
  ctx.state.workspaces = workspaces.map((w) => ({ ...w }));
}
