import { errorText } from '../i18n/errors';
import { ResolveField, Resolver } from '@nestjs/graphql';
import { Role } from '../auth/caller';
import { DomainError } from '../common/errors/domain-error';
import { Cadre } from '../cadres/cadre.model';
import { GraphQLContext } from '../common/graphql/graphql-context';
import { AppointmentProposal, CadreEducation, CadrePhoto, FamilyMember } from './form-records.model';

/** Adds the appointment form's records to `Cadre`, batched per request. */
@Resolver(() => Cadre)
export class CadreFormFieldsResolver {
  // No parameter decorators: Nest calls the methods directly (see CadrePostingsResolver.postings).
  @ResolveField(() => [CadreEducation], { description: 'The full-time and in-service education sets.' })
  educations(cadre: Cadre, _args: unknown, ctx: GraphQLContext): Promise<CadreEducation[]> {
    return ctx.loaders.educationsByCadre.load(cadre.id);
  }

  @ResolveField(() => [FamilyMember], {
    description: 'Family members and important social relations, in order.',
  })
  familyMembers(cadre: Cadre, _args: unknown, ctx: GraphQLContext): Promise<FamilyMember[]> {
    return ctx.loaders.familyByCadre.load(cadre.id);
  }

  @ResolveField(() => CadrePhoto, {
    nullable: true,
    description: 'The photo’s type and size, when there is one.',
  })
  photo(cadre: Cadre, _args: unknown, ctx: GraphQLContext): Promise<CadrePhoto | null> {
    return ctx.loaders.photoByCadre.load(cadre.id);
  }

  @ResolveField(() => [AppointmentProposal], {
    description: 'Appointment and removal proposals, oldest first: for departments and ADMIN, not the cadre.',
  })
  appointmentProposals(cadre: Cadre, _args: unknown, ctx: GraphQLContext): Promise<AppointmentProposal[]> {
    // A decision in preparation is the department's business until it is made.
    if (ctx.caller?.role !== Role.ADMIN && ctx.caller?.role !== Role.ORG_DEPT) {
      throw DomainError.forbidden(errorText('access.proposalsOrgDept'));
    }
    return ctx.loaders.proposalsByCadre.load(cadre.id);
  }
}
