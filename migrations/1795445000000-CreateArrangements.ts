import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Arrangements around a placement (no-risk policy, jobcoach, wage-cost subsidy, travel costs,
 * tailored budget) and the rules that decide who gets them, as data with validity dates. The
 * rules below are the ones in force when this was written; a change in the law is a new row
 * (POST /arrangement-rules), so this migration is not edited for it. Also the two candidate
 * facts the rules read.
 */
export class CreateArrangements1795445000000 implements MigrationInterface {
  name = 'CreateArrangements1795445000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "candidates" ADD "benefit_type" text NOT NULL DEFAULT 'bijstand'`,
    );
    await queryRunner.query(
      `ALTER TABLE "candidates" ADD "target_group_register" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `CREATE TABLE "arrangement_rules" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "kind" text NOT NULL, "label" text NOT NULL, "employer_summary" text NOT NULL, "valid_from" date NOT NULL, "valid_to" date, "conditions" jsonb NOT NULL DEFAULT '{}', "max_amount_eur" integer, "max_months" smallint, "requires_approval" boolean NOT NULL DEFAULT false, "source" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_arrangement_rules" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_arrangement_rules_code_valid_from" ON "arrangement_rules" ("code", "valid_from")`,
    );
    await queryRunner.query(
      `CREATE TABLE "arrangements" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "candidate_id" uuid NOT NULL, "rule_id" uuid NOT NULL, "kind" text NOT NULL, "nomination_id" uuid, "start_date" date NOT NULL, "end_date" date, "amount_eur" integer, "details" jsonb NOT NULL DEFAULT '{}', "status" text NOT NULL, "requested_by_id" uuid NOT NULL, "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_arrangements" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_arrangements_candidate_kind" ON "arrangements" ("candidate_id", "kind")`,
    );
    await queryRunner.query(
      `ALTER TABLE "arrangements" ADD CONSTRAINT "FK_arrangements_candidate" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "arrangements" ADD CONSTRAINT "FK_arrangements_rule" FOREIGN KEY ("rule_id") REFERENCES "arrangement_rules"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "arrangements" ADD CONSTRAINT "FK_arrangements_nomination" FOREIGN KEY ("nomination_id") REFERENCES "nominations"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO "arrangement_rules" ("code", "kind", "label", "employer_summary", "valid_from", "valid_to", "conditions", "max_amount_eur", "max_months", "requires_approval", "source")
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r("code" text, "kind" text, "label" text, "employer_summary" text, "valid_from" date, "valid_to" date, "conditions" jsonb, "max_amount_eur" integer, "max_months" smallint, "requires_approval" boolean, "source" text)`,
      [JSON.stringify(RULES)],
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "arrangements"`);
    await queryRunner.query(`DROP TABLE "arrangement_rules"`);
    await queryRunner.query(`ALTER TABLE "candidates" DROP COLUMN "target_group_register"`);
    await queryRunner.query(`ALTER TABLE "candidates" DROP COLUMN "benefit_type"`);
  }
}

const RULES = [
  {
    code: 'proefplaatsing-participatiewet',
    kind: 'trial-placement',
    label: 'Proefplaatsing met behoud van uitkering',
    employer_summary:
      'De werkgever betaalt geen loon tijdens de proefplaatsing (meestal 2 maanden, hooguit 6); de klant houdt de uitkering. Vooraf verklaart de werkgever een contract van minstens 6 maanden te bieden als het goed gaat.',
    valid_from: '2015-01-01',
    valid_to: null,
    conditions: { benefitTypes: ['bijstand'] },
    max_amount_eur: null,
    max_months: 6,
    requires_approval: false,
    source: 'Participatiewet; re-integratieverordening van de gemeente',
  },
  {
    code: 'jobcoach-gemeente',
    kind: 'jobcoach',
    label: 'Jobcoach',
    employer_summary:
      'Kosteloos voor de werkgever: een jobcoach begeleidt de nieuwe medewerker op de werkvloer, een afgesproken aantal uren per week.',
    valid_from: '2015-01-01',
    valid_to: null,
    conditions: { benefitTypes: ['bijstand'] },
    max_amount_eur: null,
    max_months: 36,
    requires_approval: false,
    source: 'Participatiewet art. 10da; re-integratieverordening van de gemeente',
  },
  {
    code: 'no-riskpolis-doelgroepregister',
    kind: 'no-risk-policy',
    label: 'No-riskpolis (doelgroepregister)',
    employer_summary:
      'Valt de medewerker uit door ziekte, dan betaalt UWV een Ziektewet-uitkering: de werkgever draagt geen loonrisico en de premie stijgt niet.',
    valid_from: '2015-01-01',
    valid_to: null,
    conditions: { targetGroupRegister: true },
    max_amount_eur: null,
    max_months: 60,
    requires_approval: false,
    source: 'Ziektewet art. 29b (no-riskpolis voor mensen in het doelgroepregister)',
  },
  {
    code: 'no-riskpolis-oudere-werklozen',
    kind: 'no-risk-policy',
    label: 'No-riskpolis oudere werklozen (56+ vanuit WW)',
    employer_summary:
      'Valt de medewerker uit door ziekte, dan betaalt UWV een Ziektewet-uitkering (alleen voor wie vanuit de WW in dienst kwam).',
    valid_from: '2018-01-01',
    valid_to: '2019-12-31',
    conditions: {
      benefitTypes: ['ww'],
      minAge: 56,
      startsFrom: '2018-01-01',
      startsUntil: '2019-12-31',
    },
    max_amount_eur: null,
    max_months: 60,
    requires_approval: false,
    source:
      'Ziektewet art. 29b (tijdelijke regeling voor werklozen van 56 jaar en ouder uit de WW)',
  },
  {
    code: 'loonkostensubsidie-participatiewet',
    kind: 'wage-cost-subsidy',
    label: 'Loonkostensubsidie',
    employer_summary:
      'De gemeente vult het verschil tussen loonwaarde en loon aan, vastgesteld met een loonwaardemeting op de werkplek.',
    valid_from: '2015-01-01',
    valid_to: null,
    conditions: { benefitTypes: ['bijstand'], targetGroupRegister: true },
    max_amount_eur: null,
    max_months: null,
    requires_approval: false,
    source: 'Participatiewet art. 10d',
  },
  {
    code: 'reiskosten-gemeente',
    kind: 'travel-costs',
    label: 'Reiskostenvergoeding',
    employer_summary:
      'De gemeente vergoedt de reiskosten naar het werk tijdens de proefplaatsing en de eerste maanden; de werkgever betaalt niets extra.',
    valid_from: '2015-01-01',
    valid_to: null,
    conditions: { benefitTypes: ['bijstand'] },
    max_amount_eur: null,
    max_months: 6,
    requires_approval: false,
    source: 'Re-integratieverordening van de gemeente',
  },
  {
    code: 'maatwerkbudget-45plus',
    kind: 'tailored-budget',
    label: 'Maatwerkbudget',
    employer_summary:
      'Tot € 2.500 per klant voor wat de start mogelijk maakt, zoals een cursus (VCA, heftruck), werkkleding of een bril; de werkgever betaalt niets.',
    valid_from: '2020-01-01',
    valid_to: null,
    conditions: {},
    max_amount_eur: 2500,
    max_months: null,
    requires_approval: true,
    source:
      'Aanpak 45-plus: maatwerkbudget per klant over het hele programma, met akkoord van de coördinator',
  },
];
