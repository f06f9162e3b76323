import { pdfContents } from '../../../../test/helpers/pdf-text';
import { hostileViewFixture, shortlistViewFixture } from '../../../../test/shortlist-page.fixture';
import { renderShortlistPdf } from './render-pdf';

/** Lines wrap anywhere in a PDF: compare with all whitespace as one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('renderShortlistPdf', () => {
  it('is an A4 PDF with the candidates, skills, languages and arrangements, without forms', async () => {
    const view = shortlistViewFixture();
    const pdf = await renderShortlistPdf(view);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    const { text, pages } = await pdfContents(pdf);
    const all = flat(text);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(all).toContain('Kandidaten voor de vacature Orderpicker');
    expect(all).toContain('geldig tot en met 4 januari 2027');
    expect(all).toContain('Sanne Jansen, accountmanager, am.logistiek@werkspoor.demo');
    for (const label of ['Kandidaat A', 'Kandidaat B', 'Kandidaat C']) expect(all).toContain(label);
    expect(all).toContain('orderpicken (uit werk als magazijnmedewerker) gevraagd in de vacature');
    expect(all).toContain('Pools – niveau C2');
    expect(all).toContain(
      'magazijnmedewerker – Vervoer en opslag, 10+ jaar, in de afgelopen vijf jaar',
    );
    expect(all).toContain(
      'No-riskpolis: Bij ziekte betaalt het UWV het loon door; u betaalt geen premie.',
    );
    expect(all).toContain('u betaalt in die tijd geen loon (€ 0)');
    expect(all).toContain('Voor deze kandidaat zijn geen regelingen vastgelegd.');
    // the existing answer and the revealed name, with characters outside WinAnsi
    expect(all).toContain('Kandidaat B (Łukasz Wiśniewski)');
    expect(all).toContain('Uitgenodigd voor een gesprek op 3 december 2026 om 14:30');
    expect(all).toContain('Voorgesteld moment voor het gesprek: 10 december 2026 om 10:00');
    expect(all).not.toContain('Antwoord versturen');
    expect(all).toContain('pagina 1 van');
  });

  it('keeps personal data out of the document metadata', async () => {
    const { info } = await pdfContents(await renderShortlistPdf(shortlistViewFixture()));
    expect(info.Title).toBe('Kandidatenlijst – Werkspoor 45+');
    expect(info.Author).toBe('Werkspoor 45+');
    const metadata = JSON.stringify(info);
    for (const personal of ['Sanne', 'Jansen', 'Łukasz', 'Van der Berg', 'Orderpicker'])
      expect(metadata).not.toContain(personal);
  });

  it('prints only what the view holds: a name and birth year outside the view stay out', async () => {
    const view = shortlistViewFixture();
    Object.assign(view.candidates[0], {
      name: 'Hendrikus Pietersma',
      birthYear: 1968,
      bsn: '123456782',
    });
    Object.assign(view, { employerNotes: 'Geheime notitie' });
    const all = flat((await pdfContents(await renderShortlistPdf(view))).text);
    expect(all).toContain('Kandidaat A');
    for (const secret of ['Hendrikus', 'Pietersma', '1968', '123456782', 'Geheime notitie'])
      expect(all).not.toContain(secret);
  });

  it('prints hostile text as text', async () => {
    const all = flat((await pdfContents(await renderShortlistPdf(hostileViewFixture()))).text);
    expect(all).toContain('<script>alert("pitch")</script>');
    expect(all).toContain('<script>alert("arrangement")</script>');
  });
});
