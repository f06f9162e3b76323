import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { Actor, Role } from '../../src/infra/auth/role';
import { MatchingService } from '../../src/modules/matching/matching.service';
import { ShortlistsService } from '../../src/modules/shortlists/shortlists.service';

/**
 * A sent shortlist for the demo employer with an account (werkgever@werkspoor.demo), made with
 * the real services from the best matches of one of its open vacancies. The link's token is
 * shown once, so each run prints a fresh link (earlier links of the demo shortlist stop).
 */
async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  try {
    const dataSource = app.get(DataSource);
    const [row]: { vacancy_id: string; am_id: string }[] = await dataSource.query(
      `SELECT v.id AS vacancy_id, e.account_manager_id AS am_id
       FROM users w JOIN employers e ON e.id = w.employer_id
       JOIN vacancies v ON v.employer_id = e.id AND v.status = 'open'
       WHERE w.email = 'werkgever@werkspoor.demo' ORDER BY v.created_at, v.id LIMIT 1`,
    );
    if (!row) throw new Error('No demo employer with an open vacancy: load the demo data first');
    const actor: Actor = {
      userId: row.am_id,
      role: Role.AccountManager,
      employerId: null,
      requestId: 'demo-shortlist',
      purpose: 'demo',
    };
    const shortlists = app.get(ShortlistsService);
    const [existing]: { id: string }[] = await dataSource.query(
      `SELECT id FROM shortlists WHERE vacancy_id = $1 AND status IN ('sent', 'answered')
       AND expires_on >= current_date ORDER BY created_at LIMIT 1`,
      [row.vacancy_id],
    );
    if (existing) {
      const { link } = await shortlists.newLink(actor, existing.id);
      console.log(`Demo shortlist for the employer (werkgever@werkspoor.demo): ${link.url}`);
      return;
    }
    const matches = await app
      .get(MatchingService)
      .vacancyMatches(actor, row.vacancy_id, { limit: 3, includeExcluded: true });
    const ids = [...matches.items, ...(matches.excluded ?? [])]
      .slice(0, 3)
      .map((item) => item.candidate.id);
    const draft = await shortlists.create(actor, {
      vacancyId: row.vacancy_id,
      candidateIds: ids,
      introduction:
        'Graag stel ik u deze kandidaten voor. Zij brengen ervaring mee uit andere sectoren en zijn gemotiveerd om bij u aan de slag te gaan.',
    });
    const { link } = await shortlists.send(actor, draft.id, { version: draft.version });
    console.log(`Demo shortlist for the employer (werkgever@werkspoor.demo): ${link.url}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
