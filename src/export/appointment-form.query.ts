import { IsOptional, IsUUID, Matches } from 'class-validator';

/** The query string of /export/cadres/:id/appointment-form.{pdf,html}. */
export class AppointmentFormQuery {
  /** The decision the form is for; default the cadre's latest proposal. */
  @IsOptional()
  @IsUUID('all', { message: 'proposalId must be an appointment proposal id (UUID)' })
  proposalId?: string;

  /** The date the form is filled as of; default the proposal's date, else today. */
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'asOf must be a date written YYYY-MM-DD' })
  asOf?: string;
}
