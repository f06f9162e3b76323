import { spawn } from 'child_process';

/**
 * Text extraction from a PDF with pdf-parse (pdf.js). pdf.js loads its worker with a dynamic
 * `import()`, which Jest's CommonJS sandbox refuses ("invoked without --experimental-vm-modules"),
 * so the parsing runs in a short-lived plain Node process: no extra system install, no Jest flags.
 */
const PARSER = `
const { PDFParse } = require(process.argv[1]);
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  try {
    const text = await parser.getText();
    const info = await parser.getInfo();
    process.stdout.write(JSON.stringify({ text: text.text, pages: text.total, info: info.info ?? {} }));
  } finally {
    await parser.destroy();
  }
});
`;

export interface PdfContents {
  /** All text, pages separated by pdf-parse's "-- 1 of 3 --" lines */
  text: string;
  pages: number;
  /** The document information dictionary: Title, Author, Creator, Producer, … */
  info: Record<string, unknown>;
}

export function pdfContents(pdf: Buffer | Uint8Array): Promise<PdfContents> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', PARSER, require.resolve('pdf-parse')], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`pdf-parse failed (${code}): ${Buffer.concat(err).toString('utf8')}`));
        return;
      }
      resolve(JSON.parse(Buffer.concat(out).toString('utf8')) as PdfContents);
    });
    child.stdin.end(Buffer.from(pdf));
  });
}

/** The text of a PDF, for assertions: `expect(await pdfText(body)).toContain('Kandidaat A')`. */
export async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  return (await pdfContents(pdf)).text;
}
