import { FlagCode } from '../../src/rules/codes';
import { cadresPageScenario } from './cadres-page';
import { candidatesScenario } from './candidates';
import { flaggedScenario, issue16FlagScenarios } from './flagged';
import { floorScenario } from './floor';
import { meScenario } from './me';
import { promotionCandidatesScenario } from './promotion-candidates';
import { Scenario, ScenarioContext } from './scenario';
import { slateScenario } from './slate';
import { stuckTalentScenario } from './stuck-talent';
import { vacanciesScenario } from './vacancies';
import { teamStructuresScenario } from './team-structures';

/** The HTTP scenarios in the order they run; sync runs after them. */
export function allScenarios(ctx: ScenarioContext): Scenario[] {
  return [
    floorScenario(ctx),
    meScenario(ctx),
    cadresPageScenario(ctx),
    flaggedScenario(ctx, 'district'),
    flaggedScenario(ctx, 'province'),
    // TRAINING_SHORTFALL (TRAINING_ANNUAL and TRAINING_5Y from their spans, hours summed for the page only)
    flaggedScenario(ctx, 'district', FlagCode.TRAINING_SHORTFALL),
    flaggedScenario(ctx, 'province', FlagCode.TRAINING_SHORTFALL),
    // issue 16: the new rules' codes and codes combined (allOf), then the stuckTalent report
    ...issue16FlagScenarios(ctx),
    stuckTalentScenario(ctx),
    promotionCandidatesScenario(ctx, 'province'),
    candidatesScenario(ctx, 'promotion'),
    candidatesScenario(ctx, 'training'),
    candidatesScenario(ctx, 'specialists', 'province'),
    vacanciesScenario(ctx),
    slateScenario(ctx),
    teamStructuresScenario(ctx),
  ];
}
