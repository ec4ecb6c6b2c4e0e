/** What a task card says besides its state: pure functions of the card's data. */
import type { Locale } from '../i18n/format.ts';
import type { Lens } from './lens.ts';
import { isPrivateLabel } from './program-index.ts';
import type { DisplayStatus, TaskCardData } from './view-model.ts';

/** The status pill's word: a task asked to cancel is "cancelling" until it ends, never "ready". */
export function pillStatus(card: TaskCardData): DisplayStatus | 'cancelling' {
  const ended = card.status === 'done' || card.status === 'failed' || card.status === 'cancelled';
  return card.cancelRequested && !ended ? 'cancelling' : card.status;
}

/** The line a card adds about its result: raised again elsewhere, read too early, never retrieved. */
export function incidentText(card: TaskCardData, locale: Locale): string | null {
  const incident = card.incident;
  if (!incident) return null;
  const { t } = locale;
  switch (incident.kind) {
    case 'reraised':
      return t('incident.reraised', {
        exception: incident.exception,
        line: incident.line ?? '?',
        task: incident.byLabel ?? '?',
      });
    case 'read-too-early':
      return t('incident.read-too-early', {
        exception: incident.exception,
        line: incident.line ?? '?',
      });
    case 'never-retrieved':
      return t('incident.never-retrieved', { exception: incident.exception });
  }
}

/** A future's type as a card names what its task awaits: in plain words in the `code` lens. */
export function futureLabel(type: string, lens: Lens, locale: Locale): string {
  if (lens !== 'code' || !isPrivateLabel(type)) return type;
  const key = type === '_GatheringFuture' ? 'plain.gathering-future' : 'plain.asyncio-future';
  return locale.t(key).replaceAll('`', '');
}

/** The call a card shows: as written, or in the `code` lens a plain name for asyncio's wrappers. */
export function callText(call: string, lens: Lens, locale: Locale): string {
  return lens === 'code' && isPrivateLabel(call)
    ? locale.t('plain.wrapped-awaitable').replaceAll('`', '')
    : call;
}
