import { followUpMail } from './follow-up-mail';

describe('follow-up e-mail', () => {
  it('is Dutch, names the kind and the Dutch due time, and links the task list', () => {
    const mail = followUpMail(
      {
        kind: 'nomination-no-answer',
        title: 'Werkgever bellen over voordracht V-123',
        details: 'Geen reactie na 5 werkdagen.',
        dueAt: new Date('2026-11-23T08:00:00Z'),
      },
      'https://werkspoor.example',
    );
    expect(mail.subject).toBe('Opvolging: Werkgever bellen over voordracht V-123');
    expect(mail.text).toContain('Geen reactie na 5 werkdagen.');
    expect(mail.text).toContain('Voordracht zonder antwoord van de werkgever');
    expect(mail.text).toContain('maandag 23 november 2026 om 09:00');
    expect(mail.text).toContain('https://werkspoor.example/follow-ups?mine=true');
  });

  it('calls a notification a message, without a due time', () => {
    const mail = followUpMail(
      { kind: 'notification', title: 'Voordracht afgewezen', details: null, dueAt: new Date() },
      'http://localhost:3000',
    );
    expect(mail.subject).toBe('Bericht: Voordracht afgewezen');
    expect(mail.text).not.toContain('Gepland op');
  });
});
