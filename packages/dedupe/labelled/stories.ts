/**
 * Ten invented news stories, each reported by three outlets in their own words: the raw material of
 * the labelled set. Places, people and companies are fictional. Reports on one story share facts,
 * figures and (as real coverage does) some quotations verbatim, so that two reports of one story
 * are hard negatives: same subject, same numbers, different articles. `updates` are paragraphs an
 * outlet adds when it updates a report.
 */

export interface Report {
  outlet: string;
  headline: string;
  /** Body paragraphs, in order. */
  paragraphs: string[];
}

export interface Story {
  id: string;
  reports: Report[];
  updates: string[];
}

export const stories: Story[] = [
  {
    id: 'floods',
    reports: [
      {
        outlet: 'Northern Courier',
        headline: 'Thousands evacuated as River Tamsin bursts its banks in Harwick',
        paragraphs: [
          'More than 4,000 residents of Harwick were ordered to leave their homes on Tuesday night after the River Tamsin burst its banks following three days of torrential rain, emergency officials said.',
          'The river peaked at 6.2 metres at the Harwick Bridge gauge shortly after midnight, the highest level since records began in 1911, according to the regional water authority.',
          '"We have never seen water move this fast through the old town," said fire chief Miriam Okafor. "If you are told to leave, leave now, because we may not be able to reach you later."',
          'Around 600 properties were flooded, and the main road between Harwick and Densford was closed after a section of the embankment collapsed near the paper mill.',
          "Two rest centres opened at the Harwick leisure centre and St Aidan's school, where volunteers handed out blankets and hot food to families who arrived with little more than the clothes they were wearing.",
          'The weather service issued a red warning for the upper Tamsin catchment, saying a further 40 to 60 millimetres of rain could fall on saturated ground before the weekend.',
          'Local councillor Peter Haldane said residents had warned for years that the flood defences on the east bank were inadequate. "This was predicted, and it was ignored," he said.',
          'The regional government said it would release emergency funds for affected households, but gave no figure. Insurers said it was too early to estimate the cost of the damage.',
        ],
      },
      {
        outlet: 'The Valley Post',
        headline: 'Harwick under water: record Tamsin flood forces mass evacuation',
        paragraphs: [
          'Fire crews in boats went street by street through Harwick overnight, knocking on doors and carrying elderly residents to safety as the Tamsin rose to a level not seen in more than a century.',
          'Officials said about 4,000 people had been told to evacuate by early Wednesday. The water authority recorded a peak of 6.2 metres at Harwick Bridge, beating the previous record set in 1947 by almost half a metre.',
          'Miriam Okafor, who leads the county fire service, said the speed of the rise had taken crews by surprise. "We have never seen water move this fast through the old town," she told reporters at a briefing in the town hall car park.',
          'Shopkeepers on Market Street spent the evening stacking sandbags, but many said the water came in through drains and cellars long before it reached their doors. One baker said she had lost her entire stock and two ovens.',
          'A collapsed stretch of embankment near the paper mill cut the road to Densford, leaving several villages reachable only by farm tracks. The county said engineers would inspect the bank once the level falls.',
          'Forecasters expect more rain. A red warning remains in force for the upper catchment, where up to 60 millimetres could fall by Friday, and the authority said a second peak could not be ruled out.',
          "Residents who need shelter can go to the leisure centre on Quarry Lane or to St Aidan's school, the council said. Pets are accepted at both sites.",
        ],
      },
      {
        outlet: 'Harwick Today',
        headline: 'Flood defences under scrutiny after Tamsin sets new record',
        paragraphs: [
          'As the clean-up began in Harwick, questions mounted over why the east bank defences, first flagged as weak in an engineering survey six years ago, had never been raised.',
          'The River Tamsin reached 6.2 metres during the night, the highest reading on record, flooding some 600 homes and businesses and forcing more than 4,000 people to leave, according to the council.',
          'A 2018 survey commissioned by the water authority found that parts of the embankment near the paper mill were "at risk of overtopping in a one-in-fifty-year event". A plan to strengthen them was shelved in 2020 because of cost.',
          'Councillor Peter Haldane, who represents the east ward, said: "This was predicted, and it was ignored. People here have been asking for the money for years and they were told to wait."',
          'The water authority said in a statement that it had carried out "extensive maintenance" on the defences and that the rainfall had been exceptional, with more rain falling in three days than normally falls in a month.',
          'Fire chief Miriam Okafor urged residents not to return to flooded properties until electricians had checked them. "If you are told to leave, leave now," she repeated, as a red rain warning stayed in place.',
          'Insurers said claims were already coming in but that it was too soon to put a figure on the damage. The regional government promised emergency payments for households without cover.',
        ],
      },
    ],
    updates: [
      'Update, Thursday: The water authority said the Tamsin had fallen below five metres at Harwick Bridge and most evacuation orders had been lifted, though about 300 people remained in rest centres overnight.',
      'The regional government later said it would pay 500 to every flooded household within two weeks and set aside 12 million for repairs to the east bank defences.',
    ],
  },
  {
    id: 'rates',
    reports: [
      {
        outlet: 'Market Ledger',
        headline: 'Central bank lifts rate to 4.5% and signals more to come',
        paragraphs: [
          'The Bank of Norland raised its main policy rate by a quarter of a percentage point to 4.5 per cent on Thursday, its fifth increase in a row, and said further tightening might be needed to bring inflation back to target.',
          'Seven of the nine members of the monetary policy committee voted for the increase, while two preferred to hold the rate at 4.25 per cent, the minutes showed.',
          "Consumer prices rose 6.8 per cent in the year to August, down from a peak of 9.1 per cent in the spring but still more than three times the bank's 2 per cent goal.",
          '"Inflation is coming down, but it is coming down too slowly, and we are not going to declare victory early," Governor Elena Varga told a press conference. "We will do what is necessary."',
          'The bank now expects inflation to fall to 3.4 per cent by the end of next year, slightly higher than it forecast in June, mainly because of rising wages in the services sector.',
          'The norland rose 0.6 per cent against the euro after the decision, while two-year government bond yields climbed to their highest level since 2008.',
          'Economists were split on the outlook. Several said the bank was close to the end of its cycle, while others expected at least one more increase before the end of the year.',
        ],
      },
      {
        outlet: 'Daily Economist',
        headline: 'Varga: "We will do what is necessary" as Bank of Norland raises rates again',
        paragraphs: [
          'Borrowers in Norland face higher mortgage payments after the central bank increased interest rates for the fifth consecutive meeting, taking the benchmark to 4.5 per cent.',
          "The quarter-point move had been widely expected by financial markets, but the bank's warning that rates could go higher still surprised some investors, who had bet that Thursday's increase would be the last.",
          'Governor Elena Varga said wage growth of around 7 per cent was keeping price pressures high. "Inflation is coming down, but it is coming down too slowly," she said.',
          "Annual inflation stood at 6.8 per cent in August. The bank's new forecasts put it at 3.4 per cent by the end of next year and back at the 2 per cent target only in the second half of the year after.",
          'Two policymakers, Jonas Lind and Aino Kask, dissented, arguing that the full effect of earlier increases had not yet been felt and that the economy was already slowing.',
          "Homebuyers' groups criticised the decision. The Norland Mortgage Association said the average monthly repayment on a new variable-rate loan had risen by more than 40 per cent since the bank began raising rates.",
          "Finance minister Ruben Tamm said the government supported the bank's independence and would not comment on its decisions.",
          'The next rate decision is due on November 2.',
        ],
      },
      {
        outlet: 'Capital Wire',
        headline: 'Norland rate rise splits economists as growth stalls',
        paragraphs: [
          "The Bank of Norland's decision to raise rates to 4.5 per cent came as new figures showed the economy barely grew in the second quarter, raising fears that the central bank risks tipping the country into recession.",
          'Gross domestic product expanded by just 0.1 per cent between April and June, the statistics office said on Thursday morning, hours before the rate announcement.',
          'Governor Elena Varga rejected the idea that the bank was going too far. "Inflation is coming down, but it is coming down too slowly, and we are not going to declare victory early," she said.',
          'Inflation of 6.8 per cent remains far above the 2 per cent target. But manufacturers say orders are falling and that higher borrowing costs are hurting investment.',
          "Economists at three of the country's largest banks said after the decision that they no longer expected a recession this year, while two others said a mild downturn in the winter was now their central scenario.",
          'Two of the nine committee members voted to keep rates unchanged at 4.25 per cent, a sign that the majority for further increases is narrowing.',
          'Markets now price in about a one-in-three chance of a further quarter-point increase in November.',
        ],
      },
    ],
    updates: [
      'Updated at 16:40: The finance ministry said it would extend its support scheme for first-time buyers by another year in response to the rate increase.',
      'In a speech on Friday evening, deputy governor Aino Kask said she would continue to argue for a pause at the November meeting.',
    ],
  },
  {
    id: 'strike',
    reports: [
      {
        outlet: 'Industry Daily',
        headline: 'Kestrel Motors workers walk out over pay at three plants',
        paragraphs: [
          "About 12,000 workers at Kestrel Motors went on strike on Monday at the carmaker's three plants in Oster, Brannock and Velde, halting production of its best-selling compact SUV.",
          'The United Metalworkers union called the indefinite strike after talks on a new contract broke down over the weekend. The union is demanding a 14 per cent pay rise over two years, while the company has offered 8 per cent.',
          '"Our members built record profits for this company and they are asking for their fair share," union leader Tomas Brekke said outside the Oster plant, where pickets gathered from 5 a.m.',
          'Kestrel reported a net profit of 2.3 billion last year, up 35 per cent, and paid out 900 million to shareholders.',
          'The company said its offer was "generous and responsible" given the cost of moving its factories to electric vehicles, and urged the union to return to the table.',
          'Each day of lost production costs Kestrel an estimated 45 million in revenue, according to analysts at Halvorsen Securities.',
          'Suppliers warned that a long stoppage would hit smaller parts makers hardest. About 200 companies supply the three plants.',
        ],
      },
      {
        outlet: 'The Morning Standard',
        headline: 'Picket lines at Kestrel as 12,000 strike for higher wages',
        paragraphs: [
          'Assembly lines at Kestrel Motors fell silent on Monday morning as thousands of workers downed tools in the biggest strike at the company for more than twenty years.',
          'At the Brannock plant, a crowd of several hundred workers stood around braziers at the main gate, waving union flags and sounding car horns. Many said rising rents and food prices had left them struggling despite overtime.',
          '"Our members built record profits for this company and they are asking for their fair share," said Tomas Brekke, general secretary of the United Metalworkers.',
          'The union wants a 14 per cent increase over two years. Kestrel has offered 8 per cent and a one-off payment of 1,500 per worker, which the union rejected as "an insult".',
          'In a letter to employees, chief executive Hanna Solberg said the company needed to invest heavily in electric vehicles and could not agree to increases that would "put jobs at risk in the long run".',
          'No new talks have been scheduled. The labour ministry said its mediation service was available to both sides.',
        ],
      },
      {
        outlet: 'Oster Gazette',
        headline: 'What the Kestrel strike means for Oster',
        paragraphs: [
          'For Oster, where one in five working adults is employed by Kestrel Motors or one of its suppliers, the strike that began on Monday is more than a dispute over pay.',
          'Cafes near the plant gates reported a busy morning as pickets bought coffee, but business owners said a long strike would quickly hurt the town. "When Kestrel stops, Oster stops," said the owner of a sandwich shop on Factory Road.',
          "The United Metalworkers says 12,000 of its members are taking part across the company's three plants. It is seeking a 14 per cent rise over two years against the 8 per cent offered by management.",
          "Strike pay from the union amounts to about half of a typical worker's take-home wage, and some families said they had been saving for weeks in case of a walkout.",
          'Kestrel said in a statement that its offer was "generous and responsible" and that it would not negotiate "through the media".',
          'The mayor of Oster, Liv Dahl, called on both sides to return to talks. "Nobody in this town wants a long strike. I urge the company and the union to sit down today," she said.',
          'The last major strike at Kestrel, in 2001, lasted five weeks.',
        ],
      },
    ],
    updates: [
      'Update: Late on Monday the labour ministry said both sides had agreed to meet a mediator on Wednesday, the first talks since the strike began.',
      'Kestrel later said it had sent home 1,100 temporary workers at its Velde plant and would stop paying them until production resumes.',
    ],
  },
  {
    id: 'wildfire',
    reports: [
      {
        outlet: 'Coastal Herald',
        headline: 'Wildfire near Pinecrest forces 8,000 from their homes',
        paragraphs: [
          'A fast-moving wildfire fanned by strong winds has forced about 8,000 people to evacuate from Pinecrest and surrounding villages, officials said on Saturday, as the blaze doubled in size overnight.',
          'The fire has burned about 5,200 hectares of forest and scrubland since it started on Thursday afternoon near the Redhollow reservoir. Its cause is under investigation.',
          'More than 600 firefighters, supported by eleven aircraft, are battling the flames. The fire was 15 per cent contained by Saturday morning, according to the forestry service.',
          '"The wind is our biggest enemy right now," said incident commander Rafael Ortiz. "Gusts of up to 70 kilometres an hour are carrying embers more than a kilometre ahead of the fire front."',
          'At least 34 homes have been destroyed, most of them in the hamlet of Sorrel Hill, and two firefighters were treated in hospital for smoke inhalation.',
          'Air quality warnings were issued for the coast, where a thick haze turned the sky orange and ash fell on cars and gardens.',
          'The region has had almost no rain since May, and temperatures have been above 35 degrees for most of the past two weeks.',
        ],
      },
      {
        outlet: 'National Broadcaster',
        headline: 'Pinecrest fire: evacuees describe fleeing as flames approached',
        paragraphs: [
          'Residents of Pinecrest described driving through thick smoke with flames on both sides of the road as they fled a wildfire that has now destroyed dozens of homes.',
          '"We had ten minutes. We took the dog, the children and the photo albums, and that was it," said Carla Mendes, who spent the night with her family in a sports hall in Westmarsh.',
          'About 8,000 people are under evacuation orders. The fire has burned through roughly 5,200 hectares since Thursday and is only 15 per cent contained.',
          'Incident commander Rafael Ortiz said crews were trying to hold the fire south of the Pinecrest ridge before winds strengthen again on Sunday. "The wind is our biggest enemy right now," he said.',
          'At least 34 homes were destroyed in Sorrel Hill. Officials have not allowed residents back in to see the damage, saying the area is still too dangerous.',
          'Red Cross volunteers at the Westmarsh shelter said they had served more than 2,000 meals since Friday and were running short of camp beds.',
        ],
      },
      {
        outlet: 'Green Review',
        headline: 'Pinecrest blaze is the latest in a season of extreme fires',
        paragraphs: [
          'The wildfire that has driven 8,000 people from Pinecrest is the third major fire in the region this summer, and scientists say such blazes are becoming larger and harder to control as the climate warms.',
          'Since Thursday the fire has consumed about 5,200 hectares. The forestry service says that is already more than the total area burned in the region in an average year between 2000 and 2015.',
          'Dr. Ines Albrecht, a fire ecologist at the University of Westmarsh, said months of drought had left vegetation "as dry as kindling". "Once a fire starts in these conditions, it can cover several kilometres in an afternoon," she said.',
          'Firefighters say the wind, with gusts of up to 70 kilometres an hour, has been the decisive factor, carrying embers far ahead of the flames and starting new spot fires.',
          'Environmental groups have called for more funding for forest management, including controlled burns in winter and clearing of dead wood near villages.',
          'The regional government said it would review its fire strategy once the current emergency is over.',
        ],
      },
    ],
    updates: [
      'Update, Sunday evening: Firefighters said the blaze was now 40 per cent contained after the wind dropped, and evacuation orders for the northern part of Pinecrest were lifted.',
      'Police said on Monday they had arrested a 43-year-old man on suspicion of starting the fire while using an angle grinder near the reservoir.',
    ],
  },
  {
    id: 'launch',
    reports: [
      {
        outlet: 'Orbit Weekly',
        headline: 'Halcyon rocket reaches orbit on second attempt',
        paragraphs: [
          'Private launch company Halcyon Aerospace put its first satellites into orbit on Wednesday, six months after its debut flight ended in an explosion seconds after lift-off.',
          'The 42-metre Halcyon 2 rocket lifted off from the Skarvik spaceport at 09:14 local time and deployed three small Earth observation satellites into a 520-kilometre orbit about an hour later.',
          '"Today we became an orbital launch company," chief executive Daniel Reyes told staff in the control room, to loud applause. "Six months ago we were picking up pieces of our rocket from the beach."',
          'The company said the first stage performed as expected and that the upper stage engine fired twice, as planned, to circularise the orbit.',
          'Halcyon has raised about 310 million from investors and has contracts for 14 launches, most of them for satellite operators in Europe.',
          'The company is one of several start-ups trying to win a share of the growing market for launching small satellites, which is currently dominated by a handful of established providers.',
        ],
      },
      {
        outlet: 'Science Today',
        headline: 'After a fiery failure, Halcyon gets it right',
        paragraphs: [
          'It took 71 minutes for Halcyon Aerospace to know that its rocket had worked. Only when the third of three satellites separated from the upper stage did the engineers in Skarvik begin to cheer.',
          "The flight on Wednesday was the second for the company's Halcyon 2 launcher. The first, in March, ended when a faulty valve caused the first stage to explode about nine seconds after lift-off, scattering debris along the coast.",
          'An investigation traced the failure to a valve in the oxygen feed line that closed when it should have stayed open. The company redesigned the part and added sensors to detect the fault.',
          '"Six months ago we were picking up pieces of our rocket from the beach," chief executive Daniel Reyes said after the launch.',
          'The satellites, built by a university consortium, will photograph farmland and forests to measure crop health and illegal logging. They are expected to begin sending images within two weeks.',
          'Halcyon says it aims to launch once a month by the end of next year, which would make it one of the busiest small-launch providers in Europe.',
          'Space analysts cautioned that a single success did not prove the rocket was reliable, and that customers would want to see several more flights before trusting it with expensive payloads.',
        ],
      },
      {
        outlet: 'Skarvik Local',
        headline: 'Crowds cheer as rocket lifts off from Skarvik',
        paragraphs: [
          'Hundreds of people gathered on the cliffs north of Skarvik on Wednesday morning to watch the Halcyon 2 rocket lift off, many of them having driven through the night to get a good spot.',
          'The launch went ahead after a two-day delay caused by high winds. At 09:14 the rocket rose slowly from the pad, its engine roar rolling across the bay a few seconds later.',
          'Schoolchildren from Skarvik primary watched from the harbour. "It was louder than thunder," said one nine-year-old.',
          'For Skarvik, a fishing town of 3,000 people, the spaceport has brought about 150 jobs and a new hotel, but some residents complain about road closures and noise.',
          'The mayor, Ola Strand, said the town was proud. "The whole world was watching Skarvik today," she said.',
          'Halcyon Aerospace said the rocket placed three satellites into orbit. Its next launch is planned for early next year.',
        ],
      },
    ],
    updates: [
      'Update: On Thursday the university consortium said all three satellites had made contact with ground stations and unfolded their solar panels.',
      'Halcyon said later that it had signed a contract for two more launches with a Norwegian weather satellite operator.',
    ],
  },
  {
    id: 'drug',
    reports: [
      {
        outlet: 'Health Bulletin',
        headline: "Regulator approves first pill to slow early Alzheimer's",
        paragraphs: [
          "The medicines regulator on Friday approved a daily pill that modestly slows the progression of early Alzheimer's disease, the first oral treatment of its kind to reach patients.",
          'The drug, called memorant, is made by Calloway Pharmaceuticals. In an 18-month trial of 1,730 patients, it slowed decline on a standard scale of memory and thinking by 27 per cent compared with a placebo.',
          'About 3 per cent of patients in the trial had brain swelling, most of it mild and without symptoms, and the regulator said doctors should monitor patients with regular scans during the first year.',
          '"This is not a cure, but it gives patients and families more good time together," said neurologist Professor Alan Whitcombe, who led the trial.',
          'Existing drugs that target the same brain protein, amyloid, must be given as infusions in hospital every two or four weeks.',
          'Calloway has not announced a price. Patient groups urged the company and the health service to agree quickly on a price that would make the drug widely available.',
        ],
      },
      {
        outlet: 'The Daily Record',
        headline: "Alzheimer's pill approved - but experts urge caution",
        paragraphs: [
          'A new Alzheimer\'s drug that can be taken at home as a pill has been approved, in what campaigners called a "landmark moment", but some doctors warned that its benefits are small and that it will suit only a minority of patients.',
          'Memorant slowed cognitive decline by 27 per cent over 18 months in a trial of 1,730 people with early-stage disease. In practical terms, that amounts to a delay of about five months, independent experts said.',
          '"This is not a cure, but it gives patients and families more good time together," said Professor Alan Whitcombe, the trial\'s chief investigator.',
          'Dr. Sunita Rao, a geriatrician who was not involved in the research, said most people with dementia are diagnosed too late to benefit. "Unless we improve early diagnosis, very few people will get this drug," she said.',
          'Patients will need a brain scan or spinal fluid test to confirm that they have the amyloid build-up that the drug targets.',
          'The charity Memory First said about 70,000 people in the country might be eligible.',
          "The drug's maker, Calloway Pharmaceuticals, said it would begin talks with the health service on pricing next week.",
        ],
      },
      {
        outlet: 'Pharma Insider',
        headline: 'Calloway shares jump 18% on memorant approval',
        paragraphs: [
          "Shares in Calloway Pharmaceuticals rose 18 per cent on Friday after regulators approved its oral Alzheimer's drug memorant, ahead of the company's own guidance.",
          "Analysts at Birch and Wells estimated peak annual sales of 4.5 billion by 2031, making memorant potentially the biggest product in Calloway's history.",
          'The approval was based on a trial in 1,730 patients showing a 27 per cent slowing of decline. Rival infused antibodies showed similar effects but require hospital visits.',
          'Chief executive Maria Lindqvist said the company had built enough manufacturing capacity to supply "several hundred thousand patients" in the first year.',
          'Calloway is also testing memorant in people who have amyloid in their brains but no symptoms yet, with results expected in 2027.',
          'The company has not disclosed a price, but analysts expect it to be set below that of the infused treatments to encourage rapid uptake.',
        ],
      },
    ],
    updates: [
      'Updated: Calloway said on Monday that memorant would cost 9,800 a year at list price, about a third less than the infused antibodies.',
      'The health service said it would publish a decision on whether to fund the drug within 90 days.',
    ],
  },
  {
    id: 'election',
    reports: [
      {
        outlet: 'City Chronicle',
        headline: 'Ana Petrovic wins Marlow mayoral race by 312 votes',
        paragraphs: [
          'Ana Petrovic, a 38-year-old former teacher, has been elected mayor of Marlow by just 312 votes after a recount that stretched into the early hours of Monday.',
          'Petrovic, who ran for the Civic Alliance, won 41,208 votes against 40,896 for the incumbent, Graham Whitley, who had led the city for eight years. Turnout was 46 per cent, up from 38 per cent four years ago.',
          '"Marlow voted for change, and I will not waste a single day," Petrovic told supporters in the Corn Exchange as the result was announced at 3:40 a.m.',
          'Whitley conceded but said he was concerned about long queues at several polling stations in the northern districts, where some voters waited more than an hour.',
          'Petrovic campaigned on building 5,000 affordable homes, making buses free for under-18s and reopening the closed central library.',
          'She will take office on June 1. Her party does not have a majority on the city council, meaning she will need support from other groups to pass her budget.',
        ],
      },
      {
        outlet: 'Marlow Evening News',
        headline: "Recount confirms Petrovic as Marlow's new mayor",
        paragraphs: [
          "After a night of tension at the Corn Exchange, election officials confirmed on Monday morning that Ana Petrovic had narrowly defeated Graham Whitley to become Marlow's first new mayor in eight years.",
          "The first count put Petrovic ahead by 287 votes, prompting Whitley's team to request a full recount. The second count widened the margin slightly, to 312.",
          'Returning officer Susan Clarke said 214 ballot papers had been rejected, most of them because voters had marked more than one candidate.',
          '"Marlow voted for change, and I will not waste a single day," Petrovic said, thanking volunteers who had knocked on what she said were more than 100,000 doors.',
          'Whitley, who was first elected in 2016, said he would remain on the city council as an ordinary member. "The people have spoken and I respect that," he said.',
          'Turnout rose to 46 per cent, the highest since the city began electing its mayor directly in 2004.',
          "Petrovic's first act, she said, would be to order a review of the city's bus contracts.",
        ],
      },
      {
        outlet: 'Political Digest',
        headline: 'Marlow result a warning for governing party',
        paragraphs: [
          "The defeat of Graham Whitley in Marlow, a city his party had held since 2004, will worry strategists ahead of next year's national election, analysts said on Monday.",
          'Whitley lost to Ana Petrovic of the Civic Alliance by 312 votes. Four years ago he won by more than 9,000.',
          'Polling expert Dr. Marcus Feld of Kingsbridge University said the swing in Marlow was in line with national polls showing the governing party losing support among younger voters and renters. "Housing decided this election," he said.',
          'Turnout among voters under 30 appears to have risen sharply. Polling stations near the university campus ran out of ballot papers twice during the afternoon.',
          "The Civic Alliance, founded only five years ago, now runs three of the country's ten largest cities.",
          'Party officials played down the result, pointing to local issues including the closure of the central library and a long-running dispute over bus fares.',
        ],
      },
    ],
    updates: [
      'Update: Graham Whitley said on Tuesday that he would not challenge the result in court, despite earlier complaints about queues at polling stations.',
      'The city council confirmed that Petrovic would be sworn in at a public ceremony in the Corn Exchange on June 1.',
    ],
  },
  {
    id: 'layoffs',
    reports: [
      {
        outlet: 'Tech Ledger',
        headline: 'Lumio to cut 1,800 jobs as ad sales slow',
        paragraphs: [
          'Lumio, the photo-sharing and messaging company, said on Tuesday it would cut about 1,800 jobs, or 11 per cent of its workforce, as advertising revenue grows more slowly and it shifts investment to artificial intelligence.',
          'Chief executive Priya Natarajan said in a memo to staff that the company had "hired too fast for a world that did not arrive" during the pandemic.',
          'The cuts will fall mainly on the sales, recruiting and hardware teams. Lumio will close its augmented-reality glasses project, which had about 400 staff.',
          'The company expects restructuring costs of 260 million to 300 million, mostly severance payments, in the current quarter.',
          'Revenue rose 4 per cent to 3.1 billion in the last quarter, the slowest growth since the company went public in 2015.',
          'Lumio shares rose 6 per cent in early trading as investors welcomed the cost savings.',
        ],
      },
      {
        outlet: 'Business Times',
        headline: 'Lumio layoffs: 11% of staff to go in shift towards AI',
        paragraphs: [
          'Lumio is the latest technology company to cut jobs, announcing on Tuesday that 1,800 employees would lose their positions as it reorganises around artificial intelligence products.',
          'In her memo, chief executive Priya Natarajan wrote: "We hired too fast for a world that did not arrive. That is my responsibility, and I am sorry."',
          'Employees affected in the United States will receive 16 weeks of base pay plus two weeks for every year of service, the company said. Staff in other countries will be covered by local rules.',
          'Some employees said on social media that they had learned of the layoffs when their access to company systems was cut off early on Tuesday morning.',
          'Lumio said it would continue to hire engineers working on AI features, including a tool that automatically edits photos and an assistant that drafts messages.',
          'The company employs about 16,500 people worldwide. Its largest office outside the United States, in Dublin, is expected to lose about 200 jobs.',
          'Rivals have made similar cuts over the past year, with the industry shedding more than 150,000 jobs, according to a tracker run by an independent analyst.',
        ],
      },
      {
        outlet: 'Dublin Daily',
        headline: "Around 200 jobs at risk at Lumio's Dublin office",
        paragraphs: [
          "About 200 jobs are expected to go at Lumio's European headquarters in Dublin, after the company announced 1,800 layoffs worldwide on Tuesday.",
          'The office on Grand Canal Dock employs about 2,100 people, mainly in sales, content moderation and legal roles.',
          'The enterprise minister said she had spoken to the company and that the state agency for jobs would support any workers affected. "This is a worrying day for the families concerned," she said.',
          'A collective consultation process will begin this week, as required by Irish law when more than 30 redundancies are planned.',
          'Lumio chief executive Priya Natarajan told staff the company had "hired too fast for a world that did not arrive".',
          'Lumio opened in Dublin in 2012 with 40 staff and has expanded every year since, until a hiring freeze last autumn.',
        ],
      },
    ],
    updates: [
      'Update: Lumio confirmed on Wednesday that 212 roles would be cut in Dublin, slightly more than first expected.',
      'A spokesperson said the company would offer affected staff the chance to apply for about 300 open engineering positions.',
    ],
  },
  {
    id: 'heatwave',
    reports: [
      {
        outlet: 'Energy Monitor',
        headline: 'Power demand hits record as heatwave grips the south',
        paragraphs: [
          'Electricity demand in the southern grid reached a record 58.4 gigawatts on Wednesday afternoon as millions of people switched on air conditioners during the third day of an intense heatwave, the grid operator said.',
          'The previous record, 56.9 gigawatts, was set in July two years ago. The operator said it had enough reserves to meet demand but asked large industrial users to reduce consumption between 4 p.m. and 8 p.m.',
          'Wholesale power prices for the evening peak rose above 400 per megawatt hour, more than four times the average for the month.',
          '"The system is under real strain, but it is holding," said grid operator spokesman Karl Jensen. "Solar output has helped a lot during the day. The hardest hours are after sunset."',
          'Temperatures reached 41.2 degrees in Castelmar, a national record for June, the weather service said.',
          'Two nuclear reactors on the river Alva had to reduce output because the river water used for cooling was too warm, removing about 1.5 gigawatts of capacity from the grid.',
        ],
      },
      {
        outlet: 'The Observer Daily',
        headline: 'Castelmar swelters at 41.2C as heat record falls',
        paragraphs: [
          'Castelmar recorded 41.2 degrees on Wednesday, the hottest June day since national records began, as a heatwave that has baked the south for three days showed no sign of easing.',
          'Hospitals reported a rise in patients with heat exhaustion, and the health ministry urged older people to stay indoors between 11 a.m. and 6 p.m. and drink plenty of water.',
          'Several cities opened cooling centres in libraries and community halls. In Castelmar, the city extended opening hours at public swimming pools until midnight.',
          'The heat pushed electricity demand to a record 58.4 gigawatts. "The system is under real strain, but it is holding," a spokesman for the grid operator said.',
          "Farmers warned that the heat was damaging wheat and barley ahead of the harvest. The farmers' union said yields could fall by up to 20 per cent in the worst-hit areas.",
          'Forecasters expect temperatures to drop by five to eight degrees from Saturday, when a band of thunderstorms is expected to move in from the west.',
          'Climate scientists said heatwaves of this intensity had become about ten times more likely because of global warming.',
        ],
      },
      {
        outlet: 'Regional Express',
        headline: 'Heatwave: what you need to know',
        paragraphs: [
          'Temperatures are expected to stay above 38 degrees in much of the south until Friday. Here is what you need to know to stay safe.',
          'The health ministry advises staying out of the sun between 11 a.m. and 6 p.m., wearing light clothing and drinking water regularly, even if you do not feel thirsty. Check on elderly neighbours and never leave children or pets in parked cars.',
          'Cooling centres are open in most towns. In Castelmar they can be found at the central library, the Sant Jordi community hall and the Riverside sports centre.',
          'The grid operator has asked households to avoid running washing machines and dishwashers between 4 p.m. and 8 p.m., when demand is highest. Demand reached a record 58.4 gigawatts on Wednesday.',
          'Several regional train lines are running reduced services because of the risk of rails buckling in the heat. Passengers should check before travelling.',
          'A band of thunderstorms is expected to bring relief from Saturday, but forecasters warn of the risk of hail and flash flooding.',
        ],
      },
    ],
    updates: [
      'Update, 21:00: The grid operator said demand peaked at 59.1 gigawatts at 7 p.m., breaking the record set earlier in the afternoon.',
      'On Thursday the health ministry said 14 people had died from heat-related causes since the start of the heatwave.',
    ],
  },
  {
    id: 'derailment',
    reports: [
      {
        outlet: 'Transport Journal',
        headline: 'Freight train derails near Lorne, spilling chemicals',
        paragraphs: [
          'Twenty-three wagons of a freight train derailed near the village of Lorne early on Sunday, and at least four of them leaked chemicals into a drainage ditch, rail and environmental officials said.',
          'The 48-wagon train was travelling from the port of Eastgate to a chemical plant in Millbrook when it came off the tracks at about 4:20 a.m. No one was injured.',
          'The leaking wagons were carrying sodium hydroxide, a corrosive substance used in industry and cleaning products. Residents within 800 metres were asked to stay indoors with windows closed.',
          '"There is no risk to drinking water at this stage, but we are taking this very seriously," said Dr. Helen Morrow of the environment agency.',
          'The national rail accident investigation branch has sent a team to the site. The main line between Eastgate and Millbrook will be closed for at least five days.',
          'It is the second derailment on the line in three years. In 2021, eight wagons of a grain train left the tracks near the same bridge.',
        ],
      },
      {
        outlet: 'Lorne and District Times',
        headline: 'Lorne residents told to stay indoors after train crash',
        paragraphs: [
          'People living near the railway in Lorne woke to the sound of screeching metal on Sunday morning as a long freight train derailed on the edge of the village.',
          '"It sounded like the world was ending. The whole house shook," said Graham Potts, whose garden backs onto the line. "When I looked out, there were wagons on their sides in the field."',
          'About 300 households within 800 metres of the site were told to keep windows and doors shut while specialist crews dealt with leaking sodium hydroxide.',
          'The village primary school will be closed on Monday as a precaution, the county council said.',
          'Dr. Helen Morrow of the environment agency said there was no risk to drinking water "at this stage". Dead fish were seen in a ditch near the site, and the agency is testing water in the nearby river Lune.',
          'Villagers said they had complained for years about the speed of freight trains through Lorne. The rail operator said the train had been within the speed limit.',
        ],
      },
      {
        outlet: 'Rail Safety Review',
        headline: 'Lorne derailment: investigators focus on track and bridge',
        paragraphs: [
          "Investigators examining Sunday's derailment of a freight train near Lorne are focusing on a section of track just south of the Lune bridge, where the first wagon left the rails.",
          "Twenty-three of the train's 48 wagons derailed. Preliminary data from the locomotive's recorder show the train was travelling at 62 kilometres an hour, below the 70 km/h limit for freight on that stretch.",
          "The accident investigation branch said it would look at the condition of the rails and sleepers, the wagons' wheels and brakes, and the way the train was loaded.",
          'The infrastructure manager said the track had been inspected eleven days before the accident and no defects had been found.',
          'A previous derailment at almost the same location in 2021 was blamed on a broken rail. The branch recommended at the time that the track be renewed, and the work was completed in 2022.',
          'An interim report is expected within eight weeks.',
        ],
      },
    ],
    updates: [
      'Update: The environment agency said on Monday evening that the leak had been stopped and that tests in the river Lune showed no dangerous levels of sodium hydroxide.',
      'The rail operator said the line would reopen on Saturday after the derailed wagons are removed by crane.',
    ],
  },
];
