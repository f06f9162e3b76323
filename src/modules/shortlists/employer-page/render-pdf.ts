import PDFDocument from 'pdfkit';
import type { EmployerCandidateView, EmployerShortlistView } from '../employer-shortlist-view';
import { dutchDate, dutchDateTime, validUntil } from './dutch-format';

/**
 * Noto Sans (SIL Open Font License, from the npm package @expo-google-fonts/noto-sans) is
 * embedded, subset, instead of the PDF standard fonts: those only know WinAnsi, so a revealed
 * name like "Łukasz" or "Şahin" would not print. Resolved through Node, so it works the same
 * under Jest and from dist.
 */
const FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
} as const;

const COLOURS = {
  text: '#1b2631',
  muted: '#4a5763',
  primary: '#0b5570',
  rule: '#c9d3d9',
  panel: '#eef5f1',
  green: '#1e6b3a',
};
const MARGIN = { top: 56, bottom: 64, left: 56, right: 56 };
/** Document metadata: fixed texts, never the employer's, candidates' or accountmanager's data. */
const PDF_TITLE = 'Kandidatenlijst – Werkspoor 45+';
const PDF_AUTHOR = 'Werkspoor 45+';

type Doc = PDFKit.PDFDocument;
interface Run {
  text: string;
  bold?: boolean;
  colour?: string;
}

/**
 * A printable A4 PDF of the employer's view: the same content as the page, without forms;
 * existing answers are printed. Metadata (Title, Author, Subject) holds no personal data.
 */
export function renderShortlistPdf(view: EmployerShortlistView): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    pdfVersion: '1.7',
    lang: 'nl-NL',
    displayTitle: true,
    info: { Title: PDF_TITLE, Author: PDF_AUTHOR, Creator: PDF_AUTHOR, Producer: PDF_AUTHOR },
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  try {
    writeHeader(doc, view);
    view.candidates.forEach((candidate) => writeCandidate(doc, candidate));
    writeFooters(doc);
    doc.end();
  } catch (error) {
    doc.end();
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return done;
}

function contentWidth(doc: Doc): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function bottom(doc: Doc): number {
  return doc.page.height - doc.page.margins.bottom;
}

/** Starts a new page unless `height` points still fit. */
function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

function paragraph(
  doc: Doc,
  text: string,
  options: { size?: number; bold?: boolean; colour?: string; gap?: number } = {},
): void {
  doc
    .font(options.bold ? 'bold' : 'regular')
    .fontSize(options.size ?? 10.5)
    .fillColor(options.colour ?? COLOURS.text)
    .text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: 2 });
  doc.y += options.gap ?? 4;
}

/** One line of mixed regular and bold text, wrapped, at an indent. */
function runs(doc: Doc, parts: Run[], indent = 0, size = 10.5): void {
  const x = doc.page.margins.left + indent;
  const width = contentWidth(doc) - indent;
  parts.forEach((part, i) => {
    doc
      .font(part.bold ? 'bold' : 'regular')
      .fontSize(size)
      .fillColor(part.colour ?? COLOURS.text);
    const options = { width, lineGap: 2, continued: i < parts.length - 1 };
    if (i === 0) doc.text(part.text, x, doc.y, options);
    else doc.text(part.text, options);
  });
}

function bullets(doc: Doc, items: Run[][], size = 10.5): void {
  const indent = 14;
  for (const item of items) {
    const height = doc
      .font('regular')
      .fontSize(size)
      .heightOfString(item.map((r) => r.text).join(''), {
        width: contentWidth(doc) - indent,
        lineGap: 2,
      });
    ensureSpace(doc, height);
    const y = doc.y;
    doc
      .font('regular')
      .fontSize(size)
      .fillColor(COLOURS.muted)
      .text('•', doc.page.margins.left + 3, y, { lineBreak: false });
    doc.y = y;
    runs(doc, item, indent, size);
    doc.y += 2;
  }
  doc.y += 3;
}

function subheading(doc: Doc, text: string): void {
  ensureSpace(doc, 48);
  doc.y += 6;
  paragraph(doc, text, { size: 11.5, bold: true, colour: COLOURS.primary, gap: 3 });
}

function writeHeader(doc: Doc, view: EmployerShortlistView): void {
  paragraph(doc, 'Werkspoor 45+ · Werkgeversdienstverlening', {
    size: 9.5,
    bold: true,
    colour: COLOURS.primary,
    gap: 10,
  });
  paragraph(doc, view.title, { size: 19, bold: true, gap: 4 });
  const meta = [`Voor ${view.employerName}`];
  if (view.sentOn) meta.push(`verstuurd op ${dutchDate(view.sentOn)}`);
  meta.push(validUntil(view.expiresOn));
  paragraph(doc, meta.join(' · '), { colour: COLOURS.muted, gap: 10 });

  if (view.vacancy) {
    const vacancy = [
      { label: 'Vacature', value: view.vacancy.title },
      { label: 'Uren', value: view.vacancy.hours },
      ...(view.vacancy.place ? [{ label: 'Plaats', value: view.vacancy.place }] : []),
    ];
    for (const line of vacancy)
      runs(doc, [{ text: `${line.label}: `, bold: true }, { text: line.value }]);
    doc.y += 6;
  }
  if (view.introduction) paragraph(doc, view.introduction, { gap: 8 });
  runs(doc, [
    { text: 'Uw contactpersoon: ', bold: true },
    { text: `${view.accountManager.name}, accountmanager, ${view.accountManager.email}` },
  ]);
  doc.y += 4;
  paragraph(
    doc,
    'Om de privacy van de kandidaten te beschermen ziet u geen namen, leeftijden of contactgegevens. ' +
      'Uw antwoord per kandidaat geeft u via de link in uw e-mail.',
    { size: 9.5, colour: COLOURS.muted, gap: 8 },
  );
}

function rule(doc: Doc): void {
  const y = doc.y;
  doc
    .moveTo(doc.page.margins.left, y)
    .lineTo(doc.page.width - doc.page.margins.right, y)
    .lineWidth(0.75)
    .strokeColor(COLOURS.rule)
    .stroke();
  doc.y = y + 12;
}

function writeCandidate(doc: Doc, c: EmployerCandidateView): void {
  // keep a candidate's heading with its first lines
  ensureSpace(doc, 140);
  if (doc.y > doc.page.margins.top + 1) {
    doc.y += 6;
    rule(doc);
  }
  const heading: Run[] = [{ text: c.label, bold: true }];
  if (c.revealedName) heading.push({ text: ` (${c.revealedName})`, colour: COLOURS.muted });
  if (c.matchLabel) heading.push({ text: `   Match: ${c.matchLabel}`, colour: COLOURS.primary });
  runs(doc, heading, 0, 15);
  doc.y += 6;
  if (c.pitch) paragraph(doc, c.pitch, { gap: 6 });

  const facts: Array<[string, string | null]> = [
    ['Uren', c.hours],
    ['Beschikbaar', c.availability],
    ['Reisafstand', c.commute],
    ['Opleiding', c.educationLevel],
    ['Rijbewijs', c.drivingLicences.length ? c.drivingLicences.join(', ') : null],
  ];
  for (const [label, value] of facts) {
    if (value) runs(doc, [{ text: `${label}: `, bold: true }, { text: value }]);
  }
  doc.y += 2;

  if (c.experience.length) {
    subheading(doc, 'Werkervaring');
    bullets(
      doc,
      c.experience.map((e) => [
        { text: e.occupation },
        {
          text: ` – ${[e.sector, e.band, e.recent ? 'in de afgelopen vijf jaar' : null].filter((p) => p).join(', ')}`,
          colour: COLOURS.muted,
        },
      ]),
    );
  }
  if (c.skills.length) {
    subheading(doc, 'Vaardigheden');
    bullets(
      doc,
      c.skills.map((s) => [
        { text: s.label },
        { text: ` (${s.evidence})`, colour: COLOURS.muted },
        ...(s.forVacancy
          ? [{ text: '  gevraagd in de vacature', colour: COLOURS.green, bold: true }]
          : []),
      ]),
    );
  }
  if (c.languages.length) {
    subheading(doc, 'Talen');
    bullets(
      doc,
      c.languages.map((l) => [
        { text: l.name },
        { text: ` – niveau ${l.level}`, colour: COLOURS.muted },
      ]),
    );
  }
  if (c.certificates.length) {
    subheading(doc, 'Certificaten');
    bullets(
      doc,
      c.certificates.map((name) => [{ text: name }]),
    );
  }

  writeArrangements(doc, c);

  if (c.answer) {
    subheading(doc, 'Uw antwoord');
    runs(doc, [
      { text: c.answer.label, bold: true },
      { text: ` op ${dutchDateTime(c.answer.at)}` },
    ]);
    if (c.answer.interviewAt) {
      runs(doc, [
        { text: 'Voorgesteld moment voor het gesprek: ', bold: true },
        { text: dutchDateTime(c.answer.interviewAt) },
      ]);
    }
    if (c.answer.reason) runs(doc, [{ text: 'Reden: ', bold: true }, { text: c.answer.reason }]);
    if (c.answer.text)
      runs(doc, [{ text: 'Uw toelichting: ', bold: true }, { text: c.answer.text }]);
    doc.y += 4;
  }
}

/** "Regelingen" with a green bar beside it, as on the page. */
function writeArrangements(doc: Doc, c: EmployerCandidateView): void {
  // the panel stays on one page when it fits on one
  const width = contentWidth(doc) - 14;
  doc.font('regular').fontSize(10.5);
  const height =
    60 +
    c.arrangements.reduce(
      (sum, a) => sum + doc.heightOfString(`${a.label}: ${a.summary}`, { width, lineGap: 2 }) + 2,
      0,
    );
  ensureSpace(doc, Math.min(height, bottom(doc) - doc.page.margins.top));
  subheading(doc, 'Regelingen');
  const startPage = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
  const startY = doc.y;
  if (c.arrangements.length) {
    paragraph(doc, 'Wat dit voor u als werkgever kost of oplevert:', {
      colour: COLOURS.muted,
      gap: 3,
    });
    bullets(
      doc,
      c.arrangements.map((a) => [{ text: `${a.label}: `, bold: true }, { text: a.summary }]),
    );
  } else {
    paragraph(
      doc,
      'Voor deze kandidaat zijn geen regelingen vastgelegd. Uw accountmanager vertelt u graag wat mogelijk is.',
    );
  }
  const endPage = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
  if (startPage === endPage) {
    doc
      .save()
      .rect(doc.page.margins.left - 12, startY - 2, 3, doc.y - startY - 2)
      .fill(COLOURS.green)
      .restore();
  }
}

/** "Kandidatenlijst – Werkspoor 45+ · pagina 1 van 3" at the foot of every page. */
function writeFooters(doc: Doc): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing below the bottom margin would add a page
    doc
      .font('regular')
      .fontSize(8.5)
      .fillColor(COLOURS.muted)
      .text(
        `${PDF_TITLE} · pagina ${i - range.start + 1} van ${range.count}`,
        doc.page.margins.left,
        doc.page.height - 40,
        {
          width: contentWidth(doc),
          align: 'center',
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = saved;
  }
}
