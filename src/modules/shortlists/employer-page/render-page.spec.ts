import { createHash } from 'crypto';
import { hostileViewFixture, shortlistViewFixture } from '../../../../test/shortlist-page.fixture';
import { SHORTLIST_PAGE_CSP, SHORTLIST_PAGE_STYLE_HASH } from './page-styles';
import { renderShortlistMessage, renderShortlistPage } from './render-page';

const actionBase = '/werkgever/lijsten/tok123';
const all = (html: string, re: RegExp) => [...html.matchAll(re)];

describe('renderShortlistPage', () => {
  const view = shortlistViewFixture();
  const html = renderShortlistPage(view, { actionBase });

  it('is a Dutch document with landmarks, one h1 and a heading per candidate', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(all(html, /<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain('<h1>Kandidaten voor de vacature Orderpicker</h1>');
    for (const tag of ['header', 'main', 'footer'])
      expect(all(html, new RegExp(`<${tag}[\\s>]`, 'g'))).toHaveLength(1);
    const h2 = all(html, /<h2 id="kandidaat-\d-titel">([^<]*)/g).map((m) => m[1].trim());
    expect(h2).toEqual(['Kandidaat A', 'Kandidaat B', 'Kandidaat C']);
  });

  it('has no scripts, no style attributes and the stylesheet the exported hash allows', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    const styles = all(html, /<style>([\s\S]*?)<\/style>/g);
    expect(styles).toHaveLength(1);
    const hash = `'sha256-${createHash('sha256').update(styles[0][1]).digest('base64')}'`;
    expect(hash).toBe(SHORTLIST_PAGE_STYLE_HASH);
    expect(SHORTLIST_PAGE_CSP).toBe(
      `default-src 'none'; style-src ${hash}; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`,
    );
  });

  it('gives every form control a label and groups the answer choice in a fieldset with a legend', () => {
    const ids = all(html, /<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"/g).map((m) => m[1]);
    const controls = all(html, /<(?:input|select|textarea)\b/g);
    expect(ids).toHaveLength(controls.length);
    // C and A have an open form (no answer), B a form behind "Uw antwoord wijzigen": 3 x 6 controls
    expect(ids).toHaveLength(18);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(html).toContain(`<label for="${id}">`);
    expect(all(html, /<fieldset[\s>]/g)).toHaveLength(3);
    expect(html).toContain(
      '<legend id="kandidaat-1-vraag">Wat wilt u doen met Kandidaat A?</legend>',
    );
  });

  it('posts each answer form to the candidate entry with the agreed fields', () => {
    const forms = all(html, /<form [^>]*method="post" action="([^"]+)"/g).map((m) => m[1]);
    expect(forms).toEqual(
      view.candidates.map((c) => `${actionBase}/kandidaten/${c.entryId}/antwoord`),
    );
    const first = html.slice(html.indexOf('<form'), html.indexOf('</form>'));
    expect(all(first, /name="kind" value="([^"]+)"/g).map((m) => m[1])).toEqual([
      'invite',
      'question',
      'not-suitable',
    ]);
    expect(first).toContain(
      'type="datetime-local" id="kandidaat-1-interviewAt" name="interviewAt"',
    );
    expect(first).toContain('<select id="kandidaat-1-reason" name="reason"');
    for (const reason of view.notSuitableReasons) {
      expect(first).toContain(`<option value="${reason.code}">${reason.label}</option>`);
    }
    expect(first).toContain('<textarea id="kandidaat-1-text" name="text"');
    expect(html).not.toContain('enctype='); // the default, application/x-www-form-urlencoded
  });

  it('shows the arrangements panel per candidate, with what each costs or saves', () => {
    const panels = all(html, /<section class="arrangements"[\s\S]*?<\/section>/g).map((m) => m[0]);
    expect(panels).toHaveLength(3);
    expect(panels[0]).toContain('<h3 id="kandidaat-1-regelingen">Regelingen</h3>');
    expect(panels[0]).toContain(
      '<li><strong>No-riskpolis</strong>: Bij ziekte betaalt het UWV het loon door; u betaalt geen premie.</li>',
    );
    expect(panels[0]).toContain('u betaalt in die tijd geen loon (€ 0)');
    expect(panels[2]).toContain('Voor deze kandidaat zijn geen regelingen vastgelegd.');
  });

  it('lists skills and languages, and shows the expiry date, contact and PDF link in Dutch', () => {
    expect(html).toMatch(
      /<h3>Vaardigheden<\/h3>\s*<ul>\s*<li>orderpicken <span class="note">\(uit werk als magazijnmedewerker\)<\/span><span class="tag">gevraagd in de vacature<\/span><\/li>/,
    );
    expect(html).toMatch(
      /<h3>Talen<\/h3>\s*<ul>\s*<li>Pools <span class="note">– niveau C2<\/span><\/li>/,
    );
    expect(html).toContain('geldig tot en met 4 januari 2027');
    expect(html).toContain('verstuurd op 1 december 2026');
    expect(html).toContain(
      'Sanne Jansen, accountmanager, <a href="mailto:am.logistiek@werkspoor.demo">',
    );
    expect(html).toContain(`<a href="${actionBase}/pdf">`);
  });

  it('shows a revealed name only when present, and an existing answer above a folded form', () => {
    expect(html).toContain(
      '<h2 id="kandidaat-2-titel">Kandidaat B <span class="revealed">(Łukasz Wiśniewski)</span></h2>',
    );
    expect(all(html, /class="revealed"/g)).toHaveLength(1);
    const b = html.slice(html.indexOf('id="kandidaat-2"'), html.indexOf('id="kandidaat-3"'));
    expect(b).toContain(
      '<dt>Uitgenodigd voor een gesprek</dt><dd>op 3 december 2026 om 14:30</dd>',
    );
    expect(b).toContain('<dd>10 december 2026 om 10:00</dd>');
    expect(b.indexOf('class="answer"')).toBeLessThan(b.indexOf('<form'));
    expect(b).toContain('<details>\n<summary>Uw antwoord wijzigen</summary>');
  });

  it('shows a notice, field errors next to their field and an error summary, and refills the form', () => {
    const [a, , c] = view.candidates;
    const withErrors = renderShortlistPage(view, {
      actionBase,
      notice: { kind: 'error', text: 'Niet alles is goed ingevuld.' },
      errors: {
        [`${c.entryId}.reason`]: 'Kies een reden.',
        [a.entryId]: 'Deze kandidaat is al beantwoord.',
      },
      values: { [c.entryId]: { kind: 'not-suitable', text: 'Te ver weg <b>' } },
    });
    expect(withErrors).toContain(
      '<div class="notice notice-error" role="alert">Niet alles is goed ingevuld.</div>',
    );
    expect(withErrors).toContain(
      '<li><a href="#kandidaat-3-reason">Kandidaat C: Kies een reden.</a></li>',
    );
    expect(withErrors).toContain(
      '<li><a href="#kandidaat-1-vraag">Kandidaat A: Deze kandidaat is al beantwoord.</a></li>',
    );
    expect(withErrors).toContain(
      '<p class="field-error" id="kandidaat-3-reason-fout">Fout: Kies een reden.</p>',
    );
    expect(withErrors).toContain(
      '<select id="kandidaat-3-reason" name="reason" aria-describedby="kandidaat-3-reason-hint kandidaat-3-reason-fout" aria-invalid="true">',
    );
    expect(withErrors).toContain('value="not-suitable" required checked>');
    expect(withErrors).toContain('>Te ver weg &lt;b&gt;</textarea>');
    const success = renderShortlistPage(view, {
      actionBase,
      notice: { kind: 'success', text: 'Bedankt!' },
    });
    expect(success).toContain('<div class="notice notice-success" role="status">Bedankt!</div>');
    expect(success).not.toContain('class="error-summary"');
  });

  it('shows no forms on a closed shortlist', () => {
    const closed = renderShortlistPage({ ...view, status: 'closed' }, { actionBase });
    expect(closed).not.toContain('<form');
    expect(closed).toContain('Deze lijst is gesloten.');
  });

  it('escapes every text field, also in attributes', () => {
    const hostile = hostileViewFixture();
    const out = renderShortlistPage(hostile, {
      actionBase,
      errors: { [hostile.candidates[0].entryId]: '<script>x</script>' },
    });
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toMatch(/<img/i);
    expect(out).not.toMatch(/\son\w+=/);
    // every field of the fixture holds one marker; all of them arrive as text
    const fields = [
      'title',
      'employerName',
      'vacancy.title',
      'vacancy.hours',
      'vacancy.place',
      'am.name',
      'introduction',
    ];
    for (const field of fields)
      expect(out).toContain(`&lt;script&gt;alert(&quot;${field}&quot;)&lt;/script&gt;`);
    const perCandidate = [
      'label',
      'revealedName',
      'pitch',
      'matchLabel',
      'occupation',
      'sector',
      'band',
      'skill',
      'evidence',
      'language',
      'level',
      'certificate',
      'licence',
      'educationLevel',
      'hours',
      'commute',
      'availability',
      'arrangement',
      'summary',
      'answer.label',
      'answer.reason',
      'answer.text',
      'reason.label',
    ];
    for (const field of perCandidate) expect(out).toContain(`alert(&quot;${field}&quot;)`);
    expect(out).toContain(
      `/kandidaten/${encodeURIComponent(hostile.candidates[0].entryId)}/antwoord`,
    );
  });

  it('shows nothing beyond the view: fields the view does not have are not rendered', () => {
    const leaky = shortlistViewFixture();
    Object.assign(leaky.candidates[0], {
      name: 'Hendrikus Pietersma',
      birthYear: 1968,
      bsn: '123456782',
    });
    Object.assign(leaky, { employerNotes: 'Geheime notitie' });
    const out = renderShortlistPage(leaky, { actionBase });
    for (const secret of ['Hendrikus', 'Pietersma', '1968', '123456782', 'Geheime notitie'])
      expect(out).not.toContain(secret);
  });
});

describe('renderShortlistMessage', () => {
  it('renders the same frame with only the message', () => {
    const html = renderShortlistMessage(
      'Deze link is verlopen',
      'Vraag uw accountmanager om een nieuwe <link>.',
    );
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<title>Deze link is verlopen – Werkspoor 45+</title>');
    expect(all(html, /<h1[\s>]/g)).toHaveLength(1);
    expect(html).toContain('<h1>Deze link is verlopen</h1>');
    expect(html).toContain('Vraag uw accountmanager om een nieuwe &lt;link&gt;.');
    expect(html).not.toContain('<form');
    expect(html).not.toMatch(/<script/i);
    expect(all(html, /<style>/g)).toHaveLength(1);
  });
});
