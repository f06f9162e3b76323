import { FollowUpKind } from './follow-up.entity';

const KIND_LABELS: Record<FollowUpKind, string> = {
  'nomination-no-answer': 'Voordracht zonder antwoord van de werkgever',
  'trial-midway-evaluation': 'Tussenevaluatie proefplaatsing',
  'trial-decision-due': 'Besluit over de proefplaatsing',
  'trial-last-day': 'Laatste dag proefplaatsing',
  'placement-check-1m': 'Plaatsing: controle na 1 maand',
  'placement-check-3m': 'Plaatsing: controle na 3 maanden',
  'placement-check-6m': 'Plaatsing: controle na 6 maanden',
  'jobhunting-unanswered': 'Jobhuntverzoek zonder reactie',
  'jobhunting-no-progress': 'Jobhuntverzoek zonder voortgang',
  'shortlist-no-answer': 'Shortlist zonder antwoord van de werkgever',
  'shortlist-invitation': 'Werkgever nodigt een kandidaat uit voor een gesprek',
  'shortlist-question': 'Vraag van de werkgever over een kandidaat',
  notification: 'Bericht',
  manual: 'Opvolging',
};

const DATE_FORMAT = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'full',
  timeStyle: 'short',
});

export interface FollowUpMailInput {
  kind: FollowUpKind;
  title: string;
  details: string | null;
  dueAt: Date;
}

/** The e-mail to the owner when a follow-up fires (Dutch; title and details as written). */
export function followUpMail(
  followUp: FollowUpMailInput,
  publicUrl: string,
): { subject: string; text: string } {
  const label = KIND_LABELS[followUp.kind];
  const subject = `${followUp.kind === 'notification' ? 'Bericht' : 'Opvolging'}: ${followUp.title}`;
  const lines = [
    followUp.title,
    '',
    ...(followUp.details ? [followUp.details, ''] : []),
    `Soort: ${label}`,
    ...(followUp.kind === 'notification'
      ? []
      : [`Gepland op: ${DATE_FORMAT.format(followUp.dueAt)}`]),
    '',
    `Uw takenlijst: ${publicUrl}/follow-ups?mine=true`,
    '',
    'Dit bericht is automatisch verstuurd door Werkspoor 45+.',
  ];
  return { subject: subject.slice(0, 250), text: lines.join('\n') };
}
