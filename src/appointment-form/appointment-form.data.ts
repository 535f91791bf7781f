import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import { Caller, Role } from '../auth/caller';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain-error';
import { today } from '../common/graphql/date.scalar';

/** Everything the form prints, read in one repeatable-read transaction. Dates are ISO; the template formats. */
export interface AppointmentFormData {
  asOf: string;
  cadre: {
    name: string;
    gender: 'MALE' | 'FEMALE';
    birthDate: string;
    ethnicity: string | null;
    nativePlace: string | null;
    placeOfBirth: string | null;
    partyJoinDate: string | null;
    workStartDate: string;
    health: string | null;
    professionalTitle: string | null;
    specialties: string | null;
    rewardsPenalties: string | null;
    educationLevel: string;
    educationMajor: string | null;
    educationInService: boolean;
  };
  photo: { contentType: string; content: Buffer } | null;
  educations: {
    kind: string;
    level: string;
    degree: string | null;
    school: string | null;
    major: string | null;
    startDate: string | null;
    endDate: string | null;
  }[];
  postings: {
    unitName: string;
    countyName: string | null;
    title: string;
    kind: string;
    startDate: string;
    endDate: string | null;
  }[];
  trainings: {
    title: string;
    provider: string | null;
    startDate: string;
    endDate: string;
    completed: boolean;
  }[];
  appraisals: { year: number; grade: string }[];
  family: {
    relation: string;
    name: string;
    birthDate: string | null;
    politicalStatus: string | null;
    workUnitAndPost: string | null;
  }[];
  proposal: {
    proposedOn: string;
    proposedPost: string | null;
    postsToRemove: string | null;
    reason: string;
  } | null;
}

/** Reads one cadre's form: ADMIN, or ORG_DEPT for a cadre it may write (the form prepares a decision). */
@Injectable()
export class AppointmentFormDataService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /**
   * `proposalId`: the decision the form is for (default: the cadre's latest proposal, if any). `asOf`: the date
   * the form is filled as of (default: the proposal's date, else today); it sets the age, the current post and
   * the last three appraisal years.
   */
  async load(
    caller: Caller,
    cadreId: string,
    proposalId?: string,
    asOfGiven?: string,
  ): Promise<AppointmentFormData> {
    await this.access.assertCanWriteCadre(caller, cadreId);
    const data = await this.ds.transaction('REPEATABLE READ', async (em) => {
      const q = <T>(sql: string, params: unknown[]): Promise<T[]> => em.query(sql, params);
      const [cadre] = await q<AppointmentFormData['cadre']>(
        `SELECT name, gender, birth_date AS "birthDate", ethnicity, native_place AS "nativePlace",
                place_of_birth AS "placeOfBirth", party_join_date AS "partyJoinDate",
                work_start_date AS "workStartDate", health, professional_title AS "professionalTitle", specialties,
                rewards_penalties AS "rewardsPenalties", education_level AS "educationLevel",
                education_major AS "educationMajor", education_in_service AS "educationInService"
           FROM cadre WHERE id = $1`,
        [cadreId],
      );
      if (!cadre) throw DomainError.notFound('Cadre', cadreId);
      const [proposal] = await q<NonNullable<AppointmentFormData['proposal']>>(
        `SELECT proposed_on AS "proposedOn", proposed_post AS "proposedPost", posts_to_remove AS "postsToRemove", reason
           FROM appointment_proposal WHERE cadre_id = $1 AND ($2::uuid IS NULL OR id = $2::uuid)
          ORDER BY proposed_on DESC, created_at DESC LIMIT 1`,
        [cadreId, proposalId ?? null],
      );
      if (proposalId && !proposal)
        throw DomainError.notFound('Appointment proposal', proposalId, 'proposalId');
      const asOf = asOfGiven ?? proposal?.proposedOn ?? today();
      const [photo] = await q<{ contentType: string; content: Buffer }>(
        `SELECT content_type AS "contentType", content FROM cadre_photo WHERE cadre_id = $1`,
        [cadreId],
      );
      return {
        asOf,
        cadre,
        photo: photo ?? null,
        proposal: proposal ?? null,
        educations: await q(
          `SELECT kind, level, degree, school, major, start_date AS "startDate", end_date AS "endDate"
             FROM cadre_education WHERE cadre_id = $1 ORDER BY kind`,
          [cadreId],
        ),
        // The county a township or village belongs to, so that 现任职务 reads "禾溪县金沙镇镇长".
        postings: await q(
          `SELECT u.name AS "unitName", p.title, p.kind, p.start_date AS "startDate", p.end_date AS "endDate",
                  (SELECT a.name FROM unit a WHERE a.path @> u.path AND a.id <> u.id AND a.level = 'COUNTY'
                    ORDER BY nlevel(a.path) DESC LIMIT 1) AS "countyName"
             FROM posting p JOIN unit u ON u.id = p.unit_id
            WHERE p.cadre_id = $1 AND p.start_date <= $2::date ORDER BY p.start_date, p.kind, p.id`,
          [cadreId, asOf],
        ),
        trainings: await q(
          `SELECT title, provider, start_date AS "startDate", end_date AS "endDate", completed FROM training
            WHERE cadre_id = $1 AND start_date <= $2::date ORDER BY start_date, id`,
          [cadreId, asOf],
        ),
        appraisals: await q(
          `SELECT year, grade FROM appraisal WHERE cadre_id = $1 AND year < extract(year FROM $2::date)
            ORDER BY year DESC LIMIT 3`,
          [cadreId, asOf],
        ),
        family: await q(
          `SELECT relation, name, birth_date AS "birthDate", political_status AS "politicalStatus",
                  work_unit_and_post AS "workUnitAndPost"
             FROM family_member WHERE cadre_id = $1 ORDER BY position, id`,
          [cadreId],
        ),
      } satisfies AppointmentFormData;
    });
    if (caller.role === Role.ORG_DEPT) await this.audit.logRead(caller, 'cadre', cadreId);
    return data;
  }
}
