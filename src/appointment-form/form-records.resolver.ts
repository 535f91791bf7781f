import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Caller, Role } from '../auth/caller';
import { CurrentCaller } from '../auth/current-caller.decorator';
import { Roles } from '../auth/roles.decorator';
import { IdArgs } from '../common/graphql/id.args';
import {
  CreateAppointmentProposalInput,
  UpdateAppointmentProposalInput,
} from './dto/appointment-proposal.input';
import { AddFamilyMemberInput, UpdateFamilyMemberInput } from './dto/family-member.input';
import { SetCadreEducationInput } from './dto/set-cadre-education.input';
import { UploadCadrePhotoInput } from './dto/upload-cadre-photo.input';
import { FormRecordsService } from './form-records.service';
import { AppointmentProposal, CadreEducation, CadrePhoto, FamilyMember } from './form-records.model';

/** Mutations for the records of the appointment form (干部任免审批表): ADMIN and the cadre's department. */
@Resolver()
export class FormRecordsResolver {
  constructor(private readonly service: FormRecordsService) {}

  @Mutation(() => CadreEducation, {
    description: 'Sets the full-time or in-service education set of a cadre.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async setCadreEducation(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The education set; it replaces the one of the same kind.' })
    input: SetCadreEducationInput,
  ): Promise<CadreEducation> {
    return CadreEducation.from(await this.service.setEducation(caller, input));
  }

  @Mutation(() => ID, { description: 'Deletes an education set; returns its id.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async deleteCadreEducation(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<string> {
    return this.service.deleteEducation(caller, id);
  }

  @Mutation(() => FamilyMember, { description: 'Adds a family member or important social relation.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async addFamilyMember(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The family member or social relation to add to the appointment form.' })
    input: AddFamilyMemberInput,
  ): Promise<FamilyMember> {
    return FamilyMember.from(await this.service.addFamilyMember(caller, input));
  }

  @Mutation(() => FamilyMember, {
    description: 'Changes a family member or social relation of the appointment form.',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async updateFamilyMember(
    @CurrentCaller() caller: Caller,
    @Args('input', {
      description: 'The family member id and the fields to change; omitted fields keep their values.',
    })
    input: UpdateFamilyMemberInput,
  ): Promise<FamilyMember> {
    return FamilyMember.from(await this.service.updateFamilyMember(caller, input));
  }

  @Mutation(() => ID, { description: 'Deletes a family member; returns its id.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async deleteFamilyMember(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<string> {
    return this.service.deleteFamilyMember(caller, id);
  }

  @Mutation(() => CadrePhoto, {
    description:
      'Sets the form’s photo: JPEG or PNG as base64, at most 32 KiB (so that it fits a 64 KB request).',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async uploadCadrePhoto(
    @CurrentCaller() caller: Caller,
    @Args('input', { description: 'The cadre and the photo (base64 JPEG or PNG).' })
    input: UploadCadrePhotoInput,
  ): Promise<CadrePhoto> {
    const photo = await this.service.uploadPhoto(caller, input);
    return { cadreId: photo.cadreId, contentType: photo.contentType, byteSize: photo.content.length };
  }

  @Mutation(() => ID, { description: 'Removes the photo of the cadre with this id; returns the cadre id.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async deleteCadrePhoto(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<string> {
    return this.service.deletePhoto(caller, id);
  }

  @Mutation(() => AppointmentProposal, { description: 'Records a proposed appointment or removal.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async createAppointmentProposal(
    @CurrentCaller() caller: Caller,
    @Args('input', {
      description: 'The proposed post, the posts to be removed and the reason (拟任, 拟免, 任免理由).',
    })
    input: CreateAppointmentProposalInput,
  ): Promise<AppointmentProposal> {
    return AppointmentProposal.from(await this.service.createProposal(caller, input));
  }

  @Mutation(() => AppointmentProposal, {
    description: 'Changes an appointment proposal (拟任, 拟免, 任免理由).',
  })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async updateAppointmentProposal(
    @CurrentCaller() caller: Caller,
    @Args('input', {
      description: 'The proposal id and the fields to change; omitted fields keep their values.',
    })
    input: UpdateAppointmentProposalInput,
  ): Promise<AppointmentProposal> {
    return AppointmentProposal.from(await this.service.updateProposal(caller, input));
  }

  @Mutation(() => ID, { description: 'Deletes a proposal; returns its id.' })
  @Roles(Role.ADMIN, Role.ORG_DEPT)
  async deleteAppointmentProposal(@CurrentCaller() caller: Caller, @Args() { id }: IdArgs): Promise<string> {
    return this.service.deleteProposal(caller, id);
  }
}
