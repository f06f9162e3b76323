import 'reflect-metadata';
import { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import { loadConfig } from '../../src/infra/config/app-config';
import { typeormOptions } from '../../src/infra/database/typeorm-options';
import { hashPassword } from '../../src/modules/accounts/password';
import { UserEntity } from '../../src/modules/accounts/user.entity';
import { CandidateEntity } from '../../src/modules/candidates/candidate.entity';
import { EmployerLocationEntity } from '../../src/modules/employers/employer-location.entity';
import { EmployerEntity } from '../../src/modules/employers/employer.entity';
import { VacancyEntity } from '../../src/modules/vacancies/vacancy.entity';
import { DEMO_PASSWORD, DemoData, generateDemoData } from './demo-data';
import { loadTaxonomyLookup } from './taxonomy-lookup';

const CHUNK = 500;

async function insertChunked<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: new () => T,
  rows: object[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // copies: insert() writes generated columns back into the objects it is given
    await manager.getRepository(entity).insert(rows.slice(i, i + CHUNK).map((row) => ({ ...row })));
  }
}

/** Writes the demo data set in one transaction; does nothing when it is already there. */
export async function seedDemo(
  dataSource: DataSource,
): Promise<{ seeded: boolean; data: DemoData }> {
  const data = generateDemoData(await loadTaxonomyLookup(dataSource));
  const already = await dataSource
    .getRepository(UserEntity)
    .exists({ where: { email: data.users[0].email } });
  if (already) return { seeded: false, data };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await dataSource.transaction(async (manager) => {
    const staff = data.users.filter((u) => !u.employerId);
    const contacts = data.users.filter((u) => u.employerId);
    await insertChunked(
      manager,
      UserEntity,
      staff.map((u) => ({ ...u, passwordHash, active: true })),
    );
    await insertChunked(
      manager,
      EmployerEntity,
      data.employers.map(({ location: _location, ...employer }) => employer),
    );
    await insertChunked(
      manager,
      EmployerLocationEntity,
      data.employers.map((e) => ({ ...e.location, employerId: e.id })),
    );
    await insertChunked(
      manager,
      UserEntity,
      contacts.map((u) => ({ ...u, passwordHash, active: true })),
    );
    await insertChunked(manager, VacancyEntity, data.vacancies);
    await insertChunked(manager, CandidateEntity, data.candidates);
  });
  return { seeded: true, data };
}

async function main(): Promise<void> {
  const dataSource = new DataSource(typeormOptions(loadConfig()));
  await dataSource.initialize();
  try {
    const { seeded, data } = await seedDemo(dataSource);
    console.log(
      seeded
        ? `Demo data loaded: ${data.employers.length} employers, ${data.vacancies.length} vacancies, ${data.candidates.length} candidate profiles.`
        : 'Demo data was already loaded.',
    );
    console.log(`Demo logins (password ${DEMO_PASSWORD}):`);
    for (const user of data.users) console.log(`  ${user.role.padEnd(15)} ${user.email}`);
  } finally {
    await dataSource.destroy();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
