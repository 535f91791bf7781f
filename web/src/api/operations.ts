import { graphql } from '../gql';

/** Everything the record page shows about one cadre, evaluated on $asOf. */
export const CadreRecordFields = graphql(`
  fragment CadreRecordFields on Cadre {
    id
    name
    externalId
    gender
    birthDate
    workStartDate
    educationLevel
    professionalTitle
    yearsInCurrentPost(asOf: $asOf)
    grassrootsYears(asOf: $asOf)
    currentPostings(asOf: $asOf) {
      id
      title
      level
      kind
      unit {
        name
      }
    }
    postings {
      id
      title
      level
      kind
      startDate
      endDate
      durationYears(asOf: $asOf)
      unit {
        id
        name
        level
      }
    }
    trainings {
      id
      title
      provider
      kind
      startDate
      endDate
      classHours
      completed
    }
    achievements {
      id
      title
      description
      domain
      achievedOn
      recognitionLevel
      verificationStatus
      verificationNote
      impacts {
        indicator
        baseline
        result
        unit
        betterWhen
        improvementPercent
      }
    }
    appraisals {
      id
      year
      grade
      note
    }
    sanctions {
      id
      kind
      decisionDate
      effectiveDate
      issuingBody
      documentNumber
      influenceMonths
      influenceEndsOn
      revokedOn
      revocationReason
      tolerance {
        basis
        decidedOn
        note
      }
    }
    flags(asOf: $asOf) {
      code
      severity
      reason {
        code
        params
      }
      ruleId
      citation {
        text
      }
      facts
      policyVersion
    }
    pathways(asOf: $asOf) {
      currentLevel
      nextLevel
      ladder
      eligible
      estimatedEligibleDate
      policyVersion
      requirements {
        code
        description
        met
        current
        required
        remaining
        unit
        dateMet
        soft
        facts
      }
    }
  }
`);

/** The reference data a record page needs: the policy in force (training requirements) and domain names. */
export const ReferenceFields = graphql(`
  fragment ReferenceFields on Query {
    policy(asOf: $asOf) {
      version
      rules {
        id
        params
        citation {
          text
        }
      }
    }
    specialtyDomains {
      code
      nameZh
      nameEn
    }
  }
`);

export const MyRecordQuery = graphql(`
  query MyRecord($asOf: Date) {
    me {
      ...CadreRecordFields
    }
    ...ReferenceFields
  }
`);

export const CadreRecordQuery = graphql(`
  query CadreRecord($id: ID!, $asOf: Date) {
    cadre(id: $id) {
      ...CadreRecordFields
    }
    ...ReferenceFields
  }
`);

export const WhoAmICadreQuery = graphql(`
  query WhoAmICadre {
    me {
      id
      name
    }
  }
`);

export const WhoAmIUnitQuery = graphql(`
  query WhoAmIUnit($id: ID!) {
    unit(id: $id) {
      id
      name
    }
  }
`);

export const RootUnitsQuery = graphql(`
  query RootUnits {
    units {
      id
      name
    }
  }
`);

export const UnitChildrenQuery = graphql(`
  query UnitChildren($parentId: ID) {
    units(parentId: $parentId) {
      id
      name
      level
    }
  }
`);

export const SpecialtyDomainsQuery = graphql(`
  query SpecialtyDomains {
    specialtyDomains {
      code
      nameZh
      nameEn
    }
  }
`);

export const RecordTrainingMutation = graphql(`
  mutation RecordTraining($input: RecordTrainingInput!) {
    recordTraining(input: $input) {
      id
      title
    }
  }
`);

export const RecordAchievementMutation = graphql(`
  mutation RecordAchievement($input: RecordAchievementInput!) {
    recordAchievement(input: $input) {
      id
      title
      verificationStatus
    }
  }
`);

export const FlaggedCadreFields = graphql(`
  fragment FlaggedCadreFields on FlaggedCadre {
    cadre {
      id
      name
      externalId
      currentPostings(asOf: $asOf) {
        id
        title
        level
        unit {
          name
        }
      }
    }
    flags {
      code
      severity
      reason {
        code
        params
      }
      ruleId
      citation {
        text
      }
      facts
      policyVersion
    }
  }
`);

export const FlagCountQuery = graphql(`
  query FlagCount($codes: [FlagCode!], $asOf: Date, $unitId: ID) {
    flaggedCadres(filter: { codes: $codes, asOf: $asOf, unitId: $unitId }, first: 1) {
      totalCount
    }
  }
`);

export const FlaggedCadresQuery = graphql(`
  query FlaggedCadres($codes: [FlagCode!], $asOf: Date, $unitId: ID, $first: Int, $after: String) {
    flaggedCadres(filter: { codes: $codes, asOf: $asOf, unitId: $unitId }, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...FlaggedCadreFields
        }
      }
    }
  }
`);

export const CadresQuery = graphql(`
  query Cadres($filter: CadreFilter, $first: Int, $after: String, $asOf: Date) {
    cadres(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          externalId
          currentPostings(asOf: $asOf) {
            id
            title
            level
            unit {
              name
            }
          }
        }
      }
    }
  }
`);

export const CandidateFields = graphql(`
  fragment CandidateFields on Candidate {
    cadreId
    cadre {
      id
      name
      externalId
    }
    unit {
      id
      name
    }
    currentLevel
    nextLevel
    readiness
    eligibleFrom
    score
    scoreBreakdown {
      factor
      weight
      value
      contribution
    }
    reasonData {
      code
      params
    }
    needs
    blockers {
      code
      met
      current
      required
      remaining
      unit
      dateMet
      soft
    }
    rankPlaces {
      quota
      held
      free
    }
  }
`);

export const CandidateListFields = graphql(`
  fragment CandidateListFields on CandidateConnection {
    totalCount
    asOf
    policyVersion
    pageInfo {
      hasNextPage
      endCursor
    }
    facets {
      byUnit {
        key
        label
        count
      }
      byLevel {
        key
        label
        count
      }
      byReadiness {
        key
        label
        count
      }
    }
    edges {
      node {
        ...CandidateFields
      }
    }
  }
`);

export const PromotionCandidatesQuery = graphql(`
  query PromotionCandidates($input: PromotionCandidatesInput!, $first: Int, $after: String) {
    promotionCandidates(input: $input, first: $first, after: $after) {
      ...CandidateListFields
    }
  }
`);

export const TrainingCandidatesQuery = graphql(`
  query TrainingCandidates($input: TrainingCandidatesInput, $first: Int, $after: String) {
    trainingCandidates(input: $input, first: $first, after: $after) {
      ...CandidateListFields
    }
  }
`);

export const SpecialistsQuery = graphql(`
  query Specialists($domain: String!, $unitId: ID, $asOf: Date, $first: Int, $after: String) {
    specialists(domain: $domain, unitId: $unitId, asOf: $asOf, first: $first, after: $after) {
      ...CandidateListFields
    }
  }
`);

export const TalentPoolsQuery = graphql(`
  query TalentPools($first: Int, $after: String) {
    talentPools(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          name
          targetLevel
          domain
          note
          memberCount
          createdAt
          createdBy
          unit {
            id
            name
          }
        }
      }
    }
  }
`);

export const TalentPoolQuery = graphql(`
  query TalentPool($id: ID!, $asOf: Date) {
    talentPool(id: $id) {
      id
      name
      targetLevel
      domain
      note
      memberCount
      createdBy
      createdAt
      unit {
        id
        name
      }
      members(asOf: $asOf) {
        cadreId
        hidden
        note
        addedAt
        addedBy
        cadre {
          id
          name
          externalId
        }
        snapshot {
          asOf
          policyVersion
          score
          readiness
          eligibleFrom
          reasonData {
            code
            params
          }
          blockers
          scoreBreakdown {
            factor
            weight
            value
            contribution
          }
        }
        live {
          ...CandidateFields
        }
        decisions {
          id
          decision
          effectiveDate
          note
          decidedBy
          decidedAt
          postingId
        }
      }
    }
  }
`);

export const CreateTalentPoolMutation = graphql(`
  mutation CreateTalentPool($input: CreateTalentPoolInput!) {
    createTalentPool(input: $input) {
      id
      name
      targetLevel
    }
  }
`);

export const AddToPoolMutation = graphql(`
  mutation AddToPool($input: AddToPoolInput!) {
    addToPool(input: $input) {
      poolId
      cadreId
      snapshot {
        score
      }
    }
  }
`);

export const RemoveFromPoolMutation = graphql(`
  mutation RemoveFromPool($poolId: ID!, $cadreId: ID!) {
    removeFromPool(poolId: $poolId, cadreId: $cadreId)
  }
`);

export const RecordDecisionMutation = graphql(`
  mutation RecordDecision($input: RecordDecisionInput!) {
    recordDecision(input: $input) {
      id
      decision
      effectiveDate
      postingId
    }
  }
`);

export const StuckTalentQuery = graphql(`
  query StuckTalent($unitId: ID, $asOf: Date) {
    stuckTalent(unitId: $unitId, asOf: $asOf) {
      unitId
      dates
      total {
        count
        countOneYearEarlier
        countTwoYearsEarlier
      }
      units {
        unitId
        own
        count
        countOneYearEarlier
        countTwoYearsEarlier
        unit {
          id
          name
        }
      }
    }
  }
`);

export const StuckTalentCadresQuery = graphql(`
  query StuckTalentCadres($unitId: ID, $row: ID!, $asOf: Date, $first: Int, $after: String) {
    stuckTalent(unitId: $unitId, asOf: $asOf) {
      units(unitId: $row) {
        unitId
        cadres(first: $first, after: $after) {
          totalCount
          pageInfo {
            hasNextPage
            endCursor
          }
          edges {
            node {
              ...FlaggedCadreFields
            }
          }
        }
      }
    }
  }
`);

/* The department's daily work: corrections, the verification queue, sync runs. */

export const UpdateTrainingMutation = graphql(`
  mutation UpdateTraining($input: UpdateTrainingInput!) {
    updateTraining(input: $input) {
      id
      title
    }
  }
`);

export const UpdateAchievementMutation = graphql(`
  mutation UpdateAchievement($input: UpdateAchievementInput!) {
    updateAchievement(input: $input) {
      id
      title
      verificationStatus
    }
  }
`);

export const RecordPostingMutation = graphql(`
  mutation RecordPosting($input: RecordPostingInput!) {
    recordPosting(input: $input) {
      id
      title
    }
  }
`);

export const UpdatePostingMutation = graphql(`
  mutation UpdatePosting($input: UpdatePostingInput!) {
    updatePosting(input: $input) {
      id
      title
    }
  }
`);

export const RecordAppraisalMutation = graphql(`
  mutation RecordAppraisal($input: RecordAppraisalInput!) {
    recordAppraisal(input: $input) {
      id
      year
      grade
    }
  }
`);

export const UpdateAppraisalMutation = graphql(`
  mutation UpdateAppraisal($input: UpdateAppraisalInput!) {
    updateAppraisal(input: $input) {
      id
      year
      grade
    }
  }
`);

export const AchievementsToVerifyQuery = graphql(`
  query AchievementsToVerify($unitId: ID, $first: Int, $after: String) {
    achievementsToVerify(unitId: $unitId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          description
          domain
          achievedOn
          recognitionLevel
          verificationStatus
          verificationNote
          impacts {
            indicator
            baseline
            result
            unit
            betterWhen
            improvementPercent
          }
          cadre {
            id
            name
            externalId
          }
        }
      }
    }
    specialtyDomains {
      code
      nameZh
      nameEn
    }
  }
`);

export const VerifyAchievementMutation = graphql(`
  mutation VerifyAchievement($id: ID!, $decision: VerificationDecision!, $note: String) {
    verifyAchievement(id: $id, decision: $decision, note: $note) {
      id
      title
      verificationStatus
    }
  }
`);

export const SyncRunFields = graphql(`
  fragment SyncRunFields on SyncRun {
    id
    source
    kind
    mode
    status
    dryRun
    atomic
    asOf
    startedAt
    scopeUnitCode
    counts {
      received
      created
      updated
      unchanged
      ended
      rejected
    }
  }
`);

export const SyncRunsQuery = graphql(`
  query SyncRuns($first: Int, $after: String) {
    syncRuns(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...SyncRunFields
        }
      }
    }
  }
`);

export const SyncRunQuery = graphql(`
  query SyncRun($id: ID!, $outcome: SyncOutcome, $first: Int, $after: String) {
    syncRun(id: $id) {
      ...SyncRunFields
      results(outcome: $outcome, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            index
            externalId
            outcome
            errors {
              field
              code
              message
            }
          }
        }
      }
    }
  }
`);

/** Vacancies (issue #19): posts and quotas with fewer holders than their number on $asOf, longest vacant first. */
export const VacanciesQuery = graphql(`
  query Vacancies($unitId: ID, $asOf: Date, $first: Int, $after: String) {
    vacancies(unitId: $unitId, asOf: $asOf, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          kind
          title
          level
          requiredDomains
          approved
          holders
          vacant
          mustRotate
          vacantSince
          daysVacant
          unit {
            id
            name
          }
          post {
            id
            preferredDomains
          }
        }
      }
    }
  }
`);

export const SavedSlateFields = graphql(`
  fragment SavedSlateFields on SavedSlate {
    id
    name
    asOf
    createdBy
    createdAt
    note
    members {
      cadreId
      position
      hidden
      snapshot
      cadre {
        id
        name
        externalId
      }
      decisions {
        id
        decision
        effectiveDate
        decidedBy
        note
      }
    }
  }
`);

/** A post's slate on $asOf: candidates with score, reasons, blockers and the avoidance result; its saved slates. */
export const SlateQuery = graphql(`
  query Slate($postId: ID!, $asOf: Date, $first: Int, $unitId: ID) {
    slate(postId: $postId, asOf: $asOf, first: $first, unitId: $unitId) {
      asOf
      policyVersion
      post {
        id
        title
        level
        partyPost
        requiredDomains
        preferredDomains
        approvedHolders
        unit {
          id
          name
        }
        staffing(asOf: $asOf) {
          approved
          holders
          vacant
        }
      }
      candidates {
        position
        cadreId
        stuck
        exceptional
        requiredDomainsMatched
        preferredDomainsMatched
        reasons {
          code
          params
        }
        blockers {
          code
          params
        }
        avoidance {
          policyVersion
          clear
          breaches {
            code
            params
          }
        }
        candidate {
          ...CandidateFields
        }
      }
    }
  }
`);

/** The slates saved for a post, newest first, with their members and decisions. */
export const SavedSlatesQuery = graphql(`
  query SavedSlates($postId: ID!) {
    post(id: $postId) {
      id
      slates {
        ...SavedSlateFields
      }
    }
  }
`);

export const SaveSlateMutation = graphql(`
  mutation SaveSlate($input: SaveSlateInput!) {
    saveSlate(input: $input) {
      id
      name
    }
  }
`);

export const RecordSlateDecisionMutation = graphql(`
  mutation RecordSlateDecision($input: RecordSlateDecisionInput!) {
    recordSlateDecision(input: $input) {
      id
      decision
      effectiveDate
      postingId
    }
  }
`);

/** Leadership teams under a unit on $asOf, by default only those missing a TEAM_STRUCTURE target. */
export const TeamStructuresQuery = graphql(`
  query TeamStructures($unitId: ID, $asOf: Date, $missingOnly: Boolean!, $first: Int, $after: String) {
    teamStructures(unitId: $unitId, asOf: $asOf, missingOnly: $missingOnly, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          unitId
          unit {
            id
            name
          }
          holders
          women
          young
          grassroots
          averageAge
          missed
        }
      }
    }
  }
`);

/** One unit's leadership team on $asOf: members, posts and counts for the charts, targets. */
export const TeamStructureQuery = graphql(`
  query TeamStructure($unitId: ID!, $asOf: Date) {
    teamStructure(unitId: $unitId, asOf: $asOf) {
      unit {
        id
        name
      }
      policyVersion
      holders
      women
      young
      grassroots
      averageAge
      missed
      targets {
        code
        required
        actual
        met
      }
      ageBands {
        from
        to
        count
      }
      genders {
        key
        count
      }
      educationLevels {
        key
        count
      }
      ethnicities {
        key
        count
      }
      fields {
        key
        count
      }
      members {
        cadreId
        name
        title
        level
        age
        gender
        young
        grassroots
      }
    }
  }
`);
