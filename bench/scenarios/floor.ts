import { Scenario, ScenarioContext } from './scenario';

/** `{ __typename }` with a token: HTTP, token check, GraphQL parse and validate; no database. */
export function floorScenario({ tokens }: ScenarioContext): Scenario {
  return {
    name: 'floor',
    label: '`{ __typename }` (framework floor)',
    targets: { rps: 3000 },
    requests: [{ query: '{ __typename }', token: tokens.admin() }],
    keys: (data) => [JSON.stringify(data)],
  };
}
