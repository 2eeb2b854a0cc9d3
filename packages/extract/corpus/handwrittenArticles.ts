import type { ArticleSource } from './articleSource.ts';

/**
 * Articles written for the fixture set: varied length, structure (subheadings, lists, quotes, a
 * brief of three paragraphs) and language (English, Russian, Ukrainian, German, French). The
 * reports are written in the style of news copy; names of officials and figures follow public
 * statements where the story is a real one.
 */
export const HANDWRITTEN_ARTICLES: ArticleSource[] = [
  {
    id: 'en-containers',
    lang: 'en',
    headline: 'White House says North Korea has shipped 1,000 containers of arms to Russia',
    standfirst:
      'Satellite images released by US officials show containers being loaded at the port of Najin before crossing to the Russian Far East.',
    authors: ['Martha Keller'],
    publishedAt: '2023-10-13T21:40:00+00:00',
    modifiedAt: '2023-10-14T08:15:00+00:00',
    section: 'world',
    slug: 'north-korea-containers-russia',
    body: [
      {
        p: 'WASHINGTON — North Korea has delivered more than 1,000 containers of military equipment and munitions to Russia in recent weeks, the White House said on Friday, releasing images it said showed the shipments.',
      },
      {
        p: 'John Kirby, a spokesman for the National Security Council, told reporters that the containers were moved between September 7 and October 1 from the port of Najin to the Russian port of Dunay, and then by rail to a depot near Tikhoretsk, about 290 kilometres from the border with Ukraine.',
      },
      {
        quote:
          '“We condemn the DPRK for providing Russia with this military equipment, which will be used to attack Ukrainian cities and kill Ukrainian civilians,” Kirby said.',
      },
      {
        p: 'Officials did not say what the containers held. Kirby said Washington believed Pyongyang was seeking fighter aircraft, surface-to-air missiles and ballistic missile production equipment in return.',
      },
      {
        p: 'The announcement came a month after Kim Jong Un travelled to the Russian Far East for talks with Vladimir Putin at the Vostochny cosmodrome. Both governments have denied any arms deal.',
      },
      {
        p: 'One image released by the White House showed about 300 containers stacked on a quay in Najin. Analysts said the volume suggested artillery shells and rockets, which Russia has used in large numbers since the invasion began in February 2022.',
      },
      {
        p: 'South Korea’s defence ministry said separately that it was monitoring rail traffic across the Tumen River and would share its findings with Washington and Tokyo.',
      },
    ],
    caption: 'Containers at the port of Najin in an image released by the White House.',
    credit: 'White House handout',
  },
  {
    id: 'en-osce',
    lang: 'en',
    headline: 'US envoy says North Korea sent nearly 11,000 containers of ammunition to Russia',
    standfirst:
      'Tracey Newell told the OSCE Permanent Council that the shipments included ballistic missiles used against Ukrainian cities.',
    authors: ['Oksana Lyman'],
    publishedAt: '2024-05-03T06:04:00+03:00',
    modifiedAt: null,
    section: 'war',
    slug: 'north-korea-11000-containers',
    body: [
      {
        p: 'North Korea has shipped nearly 11,000 containers of ammunition to Russia since the end of last year, together with ballistic missile launchers and dozens of ballistic missiles, a US diplomat told the Organization for Security and Co-operation in Europe.',
      },
      {
        p: 'Tracey Newell, acting deputy chief of the US Mission to the OSCE, said Russia had repeatedly used the weapons to strike Ukrainian infrastructure, in violation of UN Security Council resolutions.',
      },
      {
        p: 'In exchange, she said, Pyongyang wants fighter aircraft, surface-to-air missiles, armoured vehicles and equipment for producing ballistic missiles.',
      },
      { h: 'Iranian drones' },
      {
        p: 'Newell also said Iran continued to supply Russia with drones, air-to-ground munitions and artillery shells, and that talks on short-range ballistic missiles were “actively progressing”.',
      },
      {
        p: 'Fragments of North Korean missiles have been found in Kharkiv and other cities since January, according to Ukrainian prosecutors.',
      },
    ],
    caption: 'A missile launch shown by North Korean state media in April.',
    credit: 'KCNA',
  },
  {
    id: 'en-city-budget',
    lang: 'en',
    headline: 'Council approves £412m budget with extra money for bus routes and libraries',
    standfirst:
      'Councillors voted 38 to 21 after a four-hour debate, with opposition members calling the plan a short-term fix.',
    authors: ['Daniel Price'],
    publishedAt: '2024-02-22T19:12:00+00:00',
    modifiedAt: '2024-02-23T07:30:00+00:00',
    section: 'local',
    slug: 'council-budget-approved',
    body: [
      {
        p: 'The city council has approved a £412 million budget for the coming year, including a 4.99% rise in council tax, the largest allowed without a local referendum.',
      },
      {
        p: 'The leader of the council, Priya Natarajan, said the increase would protect frontline services at a time when the cost of adult social care was rising faster than the authority’s income.',
      },
      { h: 'Where the money goes' },
      { p: 'The budget sets aside new money for several services that had faced cuts last year:' },
      {
        ul: [
          '£3.2m to restore six evening bus routes withdrawn in 2023',
          '£1.1m to keep all 14 branch libraries open five days a week',
          '£850,000 for pothole repairs on residential streets',
          '£600,000 for a winter shelter open from November to March',
        ],
      },
      {
        p: 'Opposition councillors said the plan relied on £9 million from reserves and would leave the council exposed if inflation stayed high. “This is a budget that gets us to next spring and no further,” said Tom Heller, who leads the largest opposition group.',
      },
      { h: 'Tax bills' },
      {
        p: 'A household in Band D will pay £2,148 a year, an increase of about £102. Residents on low incomes can apply for a reduction of up to 80% through the council tax support scheme.',
      },
      {
        p: 'The budget takes effect on April 1. The council will publish a mid-year review in October.',
      },
    ],
    caption: 'The council chamber during Thursday’s vote.',
    credit: 'Daniel Price',
  },
  {
    id: 'en-drought',
    lang: 'en',
    headline: 'Farmers brace for smaller harvest after driest spring in 50 years',
    standfirst: null,
    authors: ['Lucia Ferreira', 'Ahmed Rahimi'],
    publishedAt: '2023-06-18T10:00:00+02:00',
    modifiedAt: null,
    section: 'business',
    slug: 'drought-harvest-farmers',
    body: [
      {
        p: 'Wheat and barley growers expect yields to fall by up to a fifth this year after the driest spring since records began in 1973, the national farmers’ union said on Sunday.',
      },
      {
        p: 'Rainfall between March and May was 38% of the long-term average, according to the weather service, and soil moisture in the southern plains was at its lowest level for the time of year.',
      },
      {
        p: '“We have fields where the crop simply never closed the rows,” said Marta Soler, who farms 600 hectares of cereals. “You can see the ground between the plants in June. That should not happen.”',
      },
      { p: 'The union asked the government for four measures:' },
      {
        ol: [
          'Emergency access to irrigation quotas held back for the summer',
          'A delay of three months for loan repayments due in July',
          'Faster payment of this year’s area subsidies',
          'A fund to buy fodder for livestock farmers',
        ],
      },
      {
        p: 'The agriculture ministry said it would present a support package next week but did not give figures. Grain prices on the domestic market have risen by about 12% since April.',
      },
      {
        p: 'Forecasters said there was no sign of a lasting change in the weather before July.',
      },
    ],
    caption: 'A field of barley near the southern border.',
    credit: 'Lucia Ferreira',
  },
  {
    id: 'en-brief-quake',
    lang: 'en',
    headline: 'Magnitude 5.1 earthquake shakes coastal towns, no injuries reported',
    standfirst: null,
    authors: [],
    publishedAt: '2024-03-09T04:52:00+00:00',
    modifiedAt: null,
    section: 'news',
    slug: 'earthquake-coast-brief',
    body: [
      {
        p: 'An earthquake of magnitude 5.1 struck off the coast early on Saturday, the geological survey said, shaking buildings in several towns.',
      },
      {
        p: 'The quake was centred 24 kilometres out to sea at a depth of 10 kilometres. Police said there were no reports of injuries or serious damage.',
      },
      { p: 'Rail services on the coastal line were halted for an hour while engineers checked the tracks.' },
    ],
    caption: 'A seismograph reading from the regional observatory.',
    credit: 'Geological Survey',
  },
  {
    id: 'en-transit-strike',
    lang: 'en',
    headline: 'Metro workers to strike for 48 hours as pay talks collapse',
    standfirst:
      'The union says the offer of 3.5% falls far short of inflation; the operator says the strike will cost the city £20m.',
    authors: ['Grace Okafor'],
    publishedAt: '2023-11-02T16:45:00+00:00',
    modifiedAt: '2023-11-02T18:10:00+00:00',
    section: 'transport',
    slug: 'metro-strike-pay-talks',
    body: [
      {
        p: 'Drivers and station staff on the metro will walk out for 48 hours from next Tuesday after talks over pay broke down, their union said on Thursday.',
      },
      {
        p: 'The union said 87% of members who voted backed the strike on a turnout of 71%. It rejected an offer of 3.5% this year and 3% next year.',
      },
      {
        quote:
          'Our members kept this city moving through the pandemic. They are not asking for the earth; they are asking not to get poorer every year.',
      },
      {
        p: 'The operator said it had made a “fair and affordable” offer and urged the union to return to talks. It estimated that the walkout would cost businesses in the city centre about £20 million.',
      },
      {
        p: 'Only two of the network’s five lines are expected to run, with a reduced service between 7am and 7pm. Buses will accept metro tickets during the strike.',
      },
      {
        p: 'It would be the third stoppage this year. A one-day strike in June closed the network entirely.',
      },
    ],
    caption: 'Commuters on a metro platform during the June strike.',
    credit: 'Grace Okafor',
  },
  {
    id: 'en-telescope',
    lang: 'en',
    headline: 'Astronomers find water vapour in the atmosphere of a distant rocky planet',
    standfirst:
      'Observations of a world 97 light years away hint that small planets can hold on to their atmospheres around cool red stars.',
    authors: ['Helen Marsh'],
    publishedAt: '2024-01-25T14:00:00-05:00',
    modifiedAt: null,
    section: 'science',
    slug: 'water-vapour-rocky-exoplanet',
    body: [
      {
        p: 'A team of astronomers has detected signs of water vapour in the atmosphere of a rocky planet about twice the size of Earth, in what could be the first such measurement for a world of its kind.',
      },
      {
        p: 'The planet orbits a red dwarf star every 1.6 days. Because it passes in front of its star as seen from Earth, starlight filtering through its atmosphere carries the fingerprints of the gases there.',
      },
      { h: 'How the measurement was made' },
      {
        p: 'The researchers observed four transits with the space telescope’s near-infrared spectrograph and combined them to improve the signal. The water feature was detected at a confidence of about three sigma.',
      },
      {
        p: '“It is a tantalising result, not a discovery yet,” said Dr Samuel Ortiz, an astronomer who was not involved in the study. “Starspots can mimic a water signal, and the team has been careful to say so.”',
      },
      { h: 'Key facts' },
      {
        ul: [
          'Distance from Earth: 97 light years',
          'Radius: about 1.9 times that of Earth',
          'Orbital period: 1.6 days',
          'Surface temperature: estimated at 230 degrees Celsius',
        ],
      },
      {
        p: 'The planet is far too hot for liquid water on its surface. But scientists say the result matters because it shows that some rocky planets around red dwarfs, the most common stars in the galaxy, keep an atmosphere despite intense radiation.',
      },
      { p: 'The team has requested more telescope time next year to confirm the finding.' },
    ],
    caption: 'An artist’s impression of the planet passing in front of its star.',
    credit: 'Illustration: Space Agency',
  },
  {
    id: 'en-football',
    lang: 'en',
    headline: 'Late header sends Riverside into the cup semi-finals',
    standfirst: null,
    authors: ['Jamie Collins'],
    publishedAt: '2024-03-16T19:55:00+00:00',
    modifiedAt: null,
    section: 'sport',
    slug: 'riverside-cup-quarter-final',
    body: [
      {
        p: 'Riverside reached the semi-finals of the cup for the first time in 22 years as Callum Reid’s header four minutes from time beat Northgate 2-1 in front of 31,400 fans.',
      },
      {
        p: 'Northgate had taken the lead after 17 minutes when Tomas Varga curled a free kick into the top corner. Riverside levelled before half-time through Ade Bello, who turned in a low cross at the near post.',
      },
      {
        p: 'The second half was tight and scrappy until Reid rose above two defenders to meet a corner from the left. Northgate’s goalkeeper got a hand to the ball but could not keep it out.',
      },
      {
        p: '“I have waited my whole career for a night like this,” Reid said. “The noise when it went in, I will never forget it.”',
      },
      {
        p: 'Riverside will learn their semi-final opponents in Sunday’s draw. Northgate, who won the competition two years ago, now have only the league to play for.',
      },
    ],
    caption: 'Callum Reid celebrates his winning goal.',
    credit: 'Sports Photo Agency',
  },
  {
    id: 'en-housing',
    lang: 'en',
    headline: 'Why building more homes has not brought rents down, yet',
    standfirst:
      'Completions are at a ten-year high, but most of the new flats are still being let at the top of the market. Economists disagree about how long that will last.',
    authors: ['Nora Lindqvist'],
    publishedAt: '2024-04-07T06:00:00+01:00',
    modifiedAt: '2024-04-08T09:00:00+01:00',
    section: 'analysis',
    slug: 'housing-supply-rents-analysis',
    body: [
      {
        p: 'Last year the city completed 11,800 new homes, more than in any year since 2014. Yet the average rent for a new tenancy rose by 7.4%, according to figures from the national statistics office, faster than wages.',
      },
      {
        p: 'For campaigners who have argued for years that the housing shortage can only be solved by building, the numbers are awkward. For developers, they are proof that demand remains strong. The truth, economists say, is that supply works slowly.',
      },
      { h: 'A backlog, not a boom' },
      {
        p: 'The city’s population grew by about 19,000 people last year, most of them young adults moving for work. At an average of 2.1 people per household, that alone would need roughly 9,000 homes.',
      },
      {
        p: 'That leaves a surplus of fewer than 3,000 homes against a shortfall that the council estimates at 40,000 after a decade of under-building. “You do not notice the first few years of extra supply in the rents,” said Ines Martel, a housing economist. “You notice them in how long people stay in shared flats.”',
      },
      { h: 'Who the new homes are for' },
      {
        p: 'More than half of last year’s completions were build-to-rent blocks owned by investment funds, which set rents close to the top of the local market. Only 1,450 homes were let at social rents.',
      },
      {
        p: 'Defenders of the model say that expensive new flats still help, because the people who move into them leave older, cheaper homes behind. Studies in other cities suggest the effect is real but takes several years to reach the bottom of the market.',
      },
      { h: 'What would change the picture' },
      { p: 'Economists interviewed for this article pointed to three things to watch:' },
      {
        ul: [
          'whether completions stay above 10,000 a year once the current pipeline is finished',
          'how many of the new homes are let below market rents',
          'whether interest rates fall enough to revive building for sale',
        ],
      },
      {
        p: 'None of them expected rents to fall in cash terms. The most optimistic forecast was that rent rises would slow to the pace of wages by 2026.',
      },
      {
        p: 'The council will publish its new housing plan in the autumn. It is expected to raise the target for affordable homes in large developments from 30% to 35%.',
      },
    ],
    caption: 'A new build-to-rent block near the railway station.',
    credit: 'Nora Lindqvist',
  },
  {
    id: 'en-grain-port',
    lang: 'en',
    headline: 'Grain exports through Black Sea ports reach highest level since the war began',
    standfirst:
      'Ships carried 6.1 million tonnes of grain and oilseeds in March despite repeated drone attacks on port infrastructure.',
    authors: ['Viktor Hrynenko'],
    publishedAt: '2024-04-02T11:20:00+03:00',
    modifiedAt: null,
    section: 'economy',
    slug: 'black-sea-grain-exports-march',
    body: [
      {
        p: 'Ukraine exported 6.1 million tonnes of grain and oilseeds through its Black Sea ports in March, the highest monthly figure since February 2022, the infrastructure ministry said on Tuesday.',
      },
      {
        p: 'Corn made up about 60% of the shipments, followed by wheat and sunflower meal. The main buyers were China, Spain, Turkey and Egypt.',
      },
      {
        p: 'Exports have recovered since the navy pushed Russian warships away from the western part of the sea last autumn, allowing vessels to use a corridor along the coast of Romania and Bulgaria.',
      },
      {
        p: 'Insurance costs remain high. Shipowners pay a war-risk premium of about 1% of a vessel’s value for each voyage, industry sources said, compared with 0.1% before the war.',
      },
      {
        p: 'Drone attacks damaged grain silos and a berth in Izmail in March, but the port continued to operate, the regional administration said.',
      },
    ],
    caption: 'A bulk carrier loading corn in Odesa.',
    credit: 'Port Authority',
  },
  {
    id: 'ru-containers',
    lang: 'ru',
    headline: 'В Белом доме заявили о поставках Россией из КНДР более тысячи контейнеров',
    standfirst: 'По данным американской разведки, грузы доставлялись морем из порта Наджин и далее по железной дороге.',
    authors: ['Ирина Соколова'],
    publishedAt: '2023-10-14T09:30:00+03:00',
    modifiedAt: null,
    section: 'mir',
    slug: 'kndr-konteynery',
    body: [
      {
        p: 'Северная Корея передала России более тысячи контейнеров с военной техникой и боеприпасами, заявил в пятницу координатор по стратегическим коммуникациям Совета национальной безопасности США Джон Кирби.',
      },
      {
        p: 'По его словам, поставки шли с 7 сентября по 1 октября. Контейнеры перевозили на российском судне из порта Наджин в порт Дунай в Приморском крае, а затем по железной дороге на склад вблизи Тихорецка.',
      },
      {
        p: 'Кирби не уточнил, что именно находилось в контейнерах. Он добавил, что Пхеньян, по оценке Вашингтона, рассчитывает получить взамен современные военные технологии.',
      },
      {
        p: 'В Москве и Пхеньяне ранее отрицали существование каких-либо договорённостей о поставках оружия.',
      },
      {
        p: 'Белый дом опубликовал спутниковые снимки, на которых, по утверждению американской стороны, видно около 300 контейнеров в порту Наджин.',
      },
    ],
    caption: 'Спутниковый снимок порта Наджин.',
    credit: 'Белый дом',
  },
  {
    id: 'ru-frost',
    lang: 'ru',
    headline: 'Морозы до минус 35 градусов ожидаются в регионе на выходных',
    standfirst: null,
    authors: ['Павел Громов'],
    publishedAt: '2024-01-11T17:05:00+03:00',
    modifiedAt: null,
    section: 'obshchestvo',
    slug: 'morozy-vykhodnye',
    body: [
      {
        p: 'Синоптики предупредили о сильных морозах: в субботу и воскресенье температура ночью опустится до минус 35 градусов, днём будет около минус 27.',
      },
      {
        p: 'В региональном управлении МЧС рекомендовали по возможности не выезжать за город и проверить исправность отопительных приборов. Занятия в начальных классах в понедельник могут отменить.',
      },
      { p: 'Коммунальные службы перевели работу на усиленный режим. Для бездомных открыты три пункта обогрева:' },
      {
        ul: [
          'на улице Ленина, 14, круглосуточно',
          'в здании вокзала, с 20:00 до 8:00',
          'в спортивном комплексе «Север», с 18:00 до 9:00',
        ],
      },
      {
        p: 'Потепление ожидается не раньше середины следующей недели.',
      },
    ],
    caption: 'Улица города во время снегопада.',
    credit: 'Павел Громов',
  },
  {
    id: 'ru-budget',
    lang: 'ru',
    headline: 'Депутаты утвердили бюджет области на 2024 год с дефицитом в 4,2 млрд рублей',
    standfirst: 'Больше всего средств направят на здравоохранение и ремонт дорог.',
    authors: ['Анна Белова'],
    publishedAt: '2023-12-20T15:40:00+03:00',
    modifiedAt: '2023-12-21T10:00:00+03:00',
    section: 'ekonomika',
    slug: 'byudzhet-oblasti-2024',
    body: [
      {
        p: 'Областная дума на заседании в среду приняла бюджет на следующий год. Доходы составят 96,8 млрд рублей, расходы — 101 млрд рублей.',
      },
      {
        p: 'Дефицит, по словам министра финансов региона Елены Карповой, покроют за счёт бюджетных кредитов и остатков средств на счетах.',
      },
      { h: 'Основные статьи расходов' },
      {
        ul: [
          'здравоохранение — 21,4 млрд рублей',
          'образование — 19,7 млрд рублей',
          'ремонт и строительство дорог — 12,3 млрд рублей',
          'социальная поддержка — 15,1 млрд рублей',
        ],
      },
      {
        p: 'За бюджет проголосовали 38 депутатов, против — трое. Оппозиция критиковала сокращение расходов на общественный транспорт.',
      },
    ],
    caption: 'Заседание областной думы.',
    credit: 'Пресс-служба думы',
  },
  {
    id: 'uk-energy',
    lang: 'uk',
    headline: 'Енергетики відновили живлення для 120 тисяч родин після нічної атаки',
    standfirst: 'Ремонтні бригади працювали всю ніч; графіки відключень у місті скасовано.',
    authors: ['Олена Ковальчук'],
    publishedAt: '2024-03-22T12:30:00+02:00',
    modifiedAt: null,
    section: 'suspilstvo',
    slug: 'vidnovlennia-zhyvlennia',
    body: [
      {
        p: 'Енергетики повністю відновили електропостачання для понад 120 тисяч родин, які залишилися без світла після нічної атаки на об’єкти енергетичної інфраструктури, повідомили в обласній військовій адміністрації.',
      },
      {
        p: 'За даними оператора системи, пошкоджено дві підстанції та лінію електропередачі. Ремонтні бригади працювали з четвертої ранку.',
      },
      {
        p: '«Ситуація стабілізувалася, але ми просимо мешканців економно споживати електроенергію у вечірні години», — сказав директор обласного енергопостачальника Андрій Мельник.',
      },
      {
        p: 'Графіки аварійних відключень у місті скасовано. У трьох громадах області роботи тривають.',
      },
    ],
    caption: 'Ремонтна бригада на підстанції.',
    credit: 'Обласна військова адміністрація',
  },
  {
    id: 'uk-grain',
    lang: 'uk',
    headline: 'Україна експортувала через морські порти 6,1 мільйона тонн зерна за березень',
    standfirst: null,
    authors: ['Василь Дорошенко'],
    publishedAt: '2024-04-02T13:00:00+03:00',
    modifiedAt: null,
    section: 'ekonomika',
    slug: 'eksport-zerna-berezen',
    body: [
      {
        p: 'У березні через порти Великої Одеси та Дунаю експортовано 6,1 мільйона тонн зерна та олійних культур. Це найбільший місячний показник з початку повномасштабного вторгнення, повідомили в Міністерстві інфраструктури.',
      },
      {
        p: 'Основну частину вантажів становила кукурудза, далі — пшениця та соняшниковий шрот. Найбільшими покупцями були Китай, Іспанія, Туреччина та Єгипет.',
      },
      { h: 'Що впливає на обсяги' },
      {
        ul: [
          'робота морського коридору вздовж узбережжя Румунії та Болгарії',
          'вартість страхування суден',
          'атаки дронів на портову інфраструктуру',
        ],
      },
      {
        p: 'Попри удари по Ізмаїлу, порт продовжував працювати, зазначили в обласній адміністрації.',
      },
    ],
    caption: 'Завантаження зерна в порту.',
    credit: 'Адміністрація морських портів',
  },
  {
    id: 'uk-schools',
    lang: 'uk',
    headline: 'У Харкові відкрили ще дві підземні школи',
    standfirst: 'Навчання в укриттях дозволяє дітям повернутися до класів офлайн попри обстріли.',
    authors: ['Марія Руденко'],
    publishedAt: '2024-09-02T10:15:00+03:00',
    modifiedAt: null,
    section: 'osvita',
    slug: 'pidzemni-shkoly-kharkiv',
    body: [
      {
        p: 'У Харкові з початком навчального року запрацювали ще дві підземні школи. Разом у них зможуть навчатися понад 1800 учнів у дві зміни.',
      },
      {
        p: 'Приміщення обладнані системами вентиляції, резервним живленням та медичними кабінетами. Будівництво тривало близько шести місяців.',
      },
      {
        p: 'За словами міського голови, до кінця року в місті планують відкрити ще три такі заклади.',
      },
      {
        p: 'Батьки, опитані журналістами, кажуть, що діти сумували за живим спілкуванням з однокласниками після майже трьох років дистанційного навчання.',
      },
    ],
    caption: 'Клас у підземній школі.',
    credit: 'Харківська міська рада',
  },
  {
    id: 'de-bahn',
    lang: 'de',
    headline: 'Lokführer streiken erneut: Bahn streicht Großteil der Fernzüge',
    standfirst: 'Die Gewerkschaft hat zu einem 35-stündigen Ausstand aufgerufen. Fahrgäste sollen Reisen verschieben.',
    authors: ['Jürgen Weiß'],
    publishedAt: '2024-03-06T18:30:00+01:00',
    modifiedAt: null,
    section: 'wirtschaft',
    slug: 'lokfuehrer-streik-maerz',
    body: [
      {
        p: 'Die Lokführergewerkschaft hat ihre Mitglieder erneut zum Streik aufgerufen. Der Ausstand im Personenverkehr soll am Donnerstag um 2 Uhr beginnen und 35 Stunden dauern.',
      },
      {
        p: 'Die Bahn kündigte an, nur etwa jeden fünften Fernzug fahren zu lassen. Auch im Regionalverkehr werde es zu massiven Einschränkungen kommen, teilte das Unternehmen mit.',
      },
      {
        p: '„Wir bedauern die Auswirkungen für die Fahrgäste, aber das Angebot des Arbeitgebers ist völlig unzureichend“, sagte der Gewerkschaftsvorsitzende.',
      },
      {
        p: 'Im Kern des Tarifstreits geht es um die Forderung nach einer Absenkung der Wochenarbeitszeit von 38 auf 35 Stunden bei vollem Lohnausgleich.',
      },
    ],
    caption: 'Ein leerer Bahnsteig am Hauptbahnhof.',
    credit: 'Jürgen Weiß',
  },
  {
    id: 'fr-vendanges',
    lang: 'fr',
    headline: 'Vendanges précoces : les vignerons du Sud craignent une récolte en baisse',
    standfirst: null,
    authors: ['Élodie Marchand'],
    publishedAt: '2023-08-21T07:45:00+02:00',
    modifiedAt: null,
    section: 'economie',
    slug: 'vendanges-precoces-sud',
    body: [
      {
        p: 'Les vendanges ont commencé avec près de deux semaines d’avance dans plusieurs départements du Sud, après un été marqué par la sécheresse et des températures supérieures à 40 degrés.',
      },
      {
        p: 'Selon la chambre d’agriculture, la production pourrait reculer de 10 à 15 % par rapport à l’an dernier. Les grains sont plus petits, mais la qualité reste bonne, assurent les viticulteurs.',
      },
      {
        p: '« Nous vendangeons la nuit pour garder la fraîcheur du raisin », explique Jean-Marc Roussel, vigneron à Béziers. « C’est devenu la règle depuis trois ans. »',
      },
      {
        p: 'Les professionnels demandent un assouplissement des règles d’irrigation pour les vignes, aujourd’hui très encadrée.',
      },
    ],
    caption: 'Des vendangeurs dans une parcelle près de Béziers.',
    credit: 'Élodie Marchand',
  },
];
