import { cadresPageScenario } from './cadres-page';
import { candidatesScenario } from './candidates';
import { flaggedScenario } from './flagged';
import { floorScenario } from './floor';
import { meScenario } from './me';
import { promotionCandidatesScenario } from './promotion-candidates';
import { Scenario, ScenarioContext } from './scenario';
import { teamStructuresScenario } from './team-structures';

/** The HTTP scenarios in the order they run; sync runs after them. */
export function allScenarios(ctx: ScenarioContext): Scenario[] {
  return [
    floorScenario(ctx),
    meScenario(ctx),
    cadresPageScenario(ctx),
    flaggedScenario(ctx, 'district'),
    flaggedScenario(ctx, 'province'),
    promotionCandidatesScenario(ctx, 'province'),
    candidatesScenario(ctx, 'promotion'),
    candidatesScenario(ctx, 'training'),
    candidatesScenario(ctx, 'specialists', 'province'),
    teamStructuresScenario(ctx),
  ];
}
