import { addWorkingDays } from '../../infra/time/working-days';

/** An open request nobody accepted gets a follow-up after this many working days. */
export const UNANSWERED_WORKING_DAYS = 2;
/** A running request without an activity gets a follow-up after this many working days. */
export const NO_PROGRESS_WORKING_DAYS = 10;

export const JOBHUNTING_SUBJECT = 'jobhunting-request' as const;

export interface PlannedFollowUp {
  kind: 'jobhunting-unanswered' | 'jobhunting-no-progress';
  dueAt: Date;
  title: string;
  details: string;
}

// Titles and details are e-mailed: they name the request, never the client.

/** "Nobody accepted this request": due 2 working days after it was filed or (re)assigned. */
export function unansweredFollowUp(since: Date, assigned: boolean): PlannedFollowUp {
  return {
    kind: 'jobhunting-unanswered',
    dueAt: addWorkingDays(since, UNANSWERED_WORKING_DAYS),
    title: 'Jobhuntverzoek nog niet geaccepteerd',
    details: assigned
      ? `Het jobhuntverzoek is ${UNANSWERED_WORKING_DAYS} werkdagen na toewijzing nog niet geaccepteerd. Accepteer het of vraag een coördinator het opnieuw toe te wijzen.`
      : `Het jobhuntverzoek heeft na ${UNANSWERED_WORKING_DAYS} werkdagen nog geen accountmanager. Wijs het toe aan een accountmanager.`,
  };
}

/** "No activity on this request": due 10 working days after acceptance or the last activity. */
export function noProgressFollowUp(lastProgressAt: Date): PlannedFollowUp {
  return {
    kind: 'jobhunting-no-progress',
    dueAt: addWorkingDays(lastProgressAt, NO_PROGRESS_WORKING_DAYS),
    title: 'Geen voortgang op jobhuntverzoek',
    details: `Er is ${NO_PROGRESS_WORKING_DAYS} werkdagen geen activiteit vastgelegd op dit jobhuntverzoek. Leg vast wat er is gedaan (werkgever benaderd, vacature bekeken, voordracht) of sluit het verzoek met een reden.`,
  };
}

/**
 * What the other side hears when a request ends: the klantmanager when the accountmanager or a
 * coordinator ends it, the accountmanager when the klantmanager withdraws it. The free-text
 * explanation stays in the request (it may name the client); the notice points there.
 */
export function outcomeNotice(
  outcome: 'placed' | 'closed',
  reasonLabel: string | null,
  closedBy: 'accountmanager' | 'klantmanager' | 'coordinator',
): { title: string; details: string } {
  const who = {
    accountmanager: 'De accountmanager',
    klantmanager: 'De klantmanager',
    coordinator: 'Een coördinator',
  }[closedBy];
  return outcome === 'placed'
    ? {
        title: 'Jobhuntverzoek afgerond: klant geplaatst',
        details: `${who} heeft het jobhuntverzoek afgerond met een plaatsing. De activiteiten en de toelichting staan bij het verzoek.`,
      }
    : {
        title: `Jobhuntverzoek gesloten: ${reasonLabel ?? 'zonder reden'}`,
        details: `${who} heeft het jobhuntverzoek gesloten. Reden: ${reasonLabel ?? '-'}. De toelichting staat bij het verzoek.`,
      };
}
