/**
 * The dialogue meeting of 13 May 2024 as a plan: the worked example behind
 * the reference minutes, used as a template and in tests.
 */

/** A plain JSON plan (Swedish) that parsePlan accepts, modelled on the Dialogmötet of 2024-05-13. */
export const examplePlanJson: Record<string, unknown> = {
  title: 'Dialogmötet',
  place: 'Centralhuset, Göteborg',
  date: '2024-05-13',
  start: '14:00',
  end: '17:30',
  language: 'sv',
  purpose:
    'Att föra dialog mellan underskrivare och politiker kring samverkan mellan civilsamhället och regionen. ' +
    'Fokus på hur samverkan kan stärkas ytterligare.',
  goal: 'Samla in idéer och förslag som RÖS-gruppen (regionala överenskommelsegruppen) kan arbeta vidare med och genomföra.',
  groups: 8,
  agenda: [
    { id: 'intro', kind: 'talk', title: 'Presentation av planen' },
    { id: 'update', kind: 'talk', title: 'Kort uppdatering från VGR kring vad som är på gång' },
    {
      id: 'ex1',
      kind: 'carousel',
      title: 'Förutsättningar för samverkan',
      description:
        'Att i mindre grupper fundera på en aspekt i taget kring förutsättningar för samverkan. ' +
        'Med metoden försöker man renodla och ta en aspekt i taget.',
      roundMinutes: 8,
      stations: [
        { id: 's1', prompt: 'Vilka möjligheter finns med samverkan (vad kan vi bygga vidare på, vad är positivt)?' },
        { id: 's2', prompt: 'Vad känner du inför samverkan (magkänsla, intuition)?' },
        { id: 's3', prompt: 'Vilka risker och utmaningar finns med samverkan? (risker, försiktighet, kritiskt tänkande, svagheter)' },
        { id: 's4', prompt: 'Vad kan vi göra annorlunda (kreativitet, nyskapande)?' },
      ],
    },
    {
      id: 'ex2',
      kind: 'wall',
      title: 'Hur kan samverkan ske?',
      description: 'Fokus på hur samverkan kan ske: konkreta idéer och önskemål under tre utvecklingsområden.',
      headings: [
        { id: 'h1', title: 'Jämbördig dialog' },
        { id: 'h2', title: 'Ökade kunskaper om varandra' },
        { id: 'h3', title: 'Långsiktiga finansieringsformer' },
      ],
    },
    {
      id: 'vote',
      kind: 'ranking',
      title: 'Prioriteringsövning',
      description: 'Vilket av de tre utvecklingsområdena är viktigast att arbeta vidare med?',
      of: 'ex2',
      voter: 'group',
      ties: true,
      lowerIsBetter: true,
    },
    {
      id: 'talk2',
      kind: 'talk',
      title: 'Helén Eliasson, ordförande Regionstyrelsen',
      description: 'Om vikten av samverkan mellan VGR och civilsamhället.',
    },
    { id: 'qa', kind: 'qa', title: 'Frågestund', of: 'talk2' },
    { id: 'reflection', kind: 'talk', title: 'RÖS-gruppen reflekterar kring dagen' },
  ],
};
