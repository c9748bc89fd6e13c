package claim

import (
	"context"
	"strings"
	"testing"

	"sitrep/internal/annotate/entity"
	"sitrep/internal/annotate/sentence"
	"sitrep/internal/annotate/syntax"
	"sitrep/internal/news"
)

// holder returns the claim with the shortest content holding the first
// occurrence of number in the text (as the figure stage picks a
// figure's speaker), or nil.
func holder(a *news.Article, number string) *news.Claim {
	at := strings.Index(a.Text, number)
	if at < 0 {
		return nil
	}
	var best *news.Claim
	for i := range a.Claims {
		c := &a.Claims[i]
		if c.Content.Start <= at && at+len(number) <= c.Content.End && (best == nil || c.Content.Len() < best.Content.Len()) {
			best = c
		}
	}
	return best
}

// TestSpeakers runs the claim stage (rules and the learned tagger, with
// the syntax and entity layers) over sentences written for this test,
// one per class of failure in issue 13, and checks who is credited with
// a number: the speaker (a substring of Speaker, or "" for the outlet's
// own voice), the relay and a hedge.
func TestSpeakers(t *testing.T) {
	if _, err := syntax.Model(); err != nil {
		t.Skipf("syntax models not built: %v", err)
	}
	tests := []struct {
		name, text, number string
		speaker, relay     string
		entity             string // a prefix of SpeakerEntity, when set
		hedge              string
		exact              bool // the speaker is exactly speaker
	}{
		{name: "a statement ending in a percent sign keeps it", number: "53%",
			text:    "In the latest Marist poll, the governor's approval stands at 53%.",
			speaker: "Marist poll"},
		{name: "a verb the tagger took for a noun after a piece of evidence", number: "36 percent",
			text:    "A Reuters rolling poll shows Trump at the top with 36 percent support.",
			speaker: "Reuters rolling poll"},
		{name: "according to: an apposition after the source is no statement", number: "about 100",
			text:    "The new contract covers about 100 workers across six stores in Queens and one store in Salem, Mass., according to the Retail Workers Union, one of the unions representing the staff.",
			speaker: "Retail Workers Union"},
		{name: "according to: a clause after ', and' goes on, a participle adjective is no cue", number: "eight",
			text:    "Only one person was shot dead last year in Norway, according to the national police, and there were only eight reported incidents of a gun being fired.",
			speaker: "national police"},
		{name: "according to: an amount after the attribution finishes the statement", number: "$234 million",
			text:    "The contractor receives, according to one report, $234 million in contracts from the department.",
			speaker: "one report"},
		{name: "according to: a participle clause after the attribution finishes the statement", number: "93 percent",
			text:    "The senator gave his approval, according to court filings reported earlier by the Tribune, becoming a 93 percent owner of the firm.",
			speaker: "court filings"},
		{name: "according to: a noun phrase after the attribution is the writer's", number: "35",
			text:    "The bank earned about $600 million last year, according to public filings, a huge sum for a firm with 35 partners.",
			speaker: ""},
		{name: "two apostrophes quote: a quotation after the cue goes on with its speaker", number: "$200,000",
			text:    "''Some farms are adapting,'' said Dana Kretz, a lawyer in Fresno. ''It costs $200,000 a month to water one. And that is before repairs.''",
			speaker: "Dana Kretz"},
		{name: "two apostrophes quote: the quotation before an inverted cue", number: "40 percent",
			text:    "Growers are worried.\n\n''Buyers paid a 40 percent premium for a lot. Now a developer wants to build beside them,'' said Mr. Ostrander.",
			speaker: "Ostrander"},
		{name: "two apostrophes that open a quotation are not the end of one", number: "16,389",
			text:    "The problem is plain in one finding: ''27 companies reported 16,389 subsidiaries to the Federal Reserve, while only reporting 2,279 subsidiaries to the S.E.C.''",
			speaker: "companies"},
		{name: "a generic description stands for the body named just before", number: "300",
			text:    "Amnesty International published a report on Monday. The group said 300 civilians had been detained.",
			speaker: "Amnesty International", exact: true},
		{name: "a quotation set off by dashes runs from the paragraph's opening dash", number: "400",
			text:    "The clinic is the last one in the region.\n\n- The centre opened in 2015. It served 400 mothers a year. Now only we are left - explains Dr. Olena Marchuk.\n\nThe town is 30 km from the front.",
			speaker: "Olena Marchuk"},
		{name: "a that past a comma opens another clause", number: "7",
			text:    "Latvian police said 7 people were arrested, adding that 3 more were detained later.",
			speaker: "Latvian police"},
		{name: "figures from a named body show", number: "2.1 million",
			text:    "Figures from the Latvian border guard show 2.1 million people have crossed.",
			speaker: "Latvian border guard"},
		{name: "a poll by a named body found, after the content", number: "90%",
			text:    "About 90% of respondents backed membership, a poll by the Baltic Survey group found.",
			speaker: "Baltic Survey group"},
		{name: "a headline credits the person before its colon", number: "3,000",
			text:    "Kaja Kallas: 3,000 reservists called up this week",
			speaker: "Kaja Kallas"},
		{name: "an assessment is a statement", number: "300",
			text:    "The Baltic Defence Institute assessed that Russia had lost 300 tanks.",
			speaker: "Baltic Defence Institute"},
		{name: "an inverted cue before a described speaker", number: "40",
			text:    "“We hold 40 men,” said a spokesman for the Latvian border guard.",
			speaker: "spokesman for the Latvian border guard", exact: true},
		{name: "he after a described spokesman", number: "2",
			text:    "The inquiry goes on - said a spokesman for the Riga city police. He said 2 people were held.",
			speaker: "spokesman for the Riga city police", exact: true},
		{name: "she is not a spokesman", number: "12",
			text:    "A spokesman for the Latvian army said the border was calm. She said 12 drones had crossed.",
			speaker: "She (unresolved)", exact: true},
		{name: "the spokesman is the spokesman described before", number: "two",
			text:    "The inquiry goes on - said a spokesman for the Riga city police.\n\nThe spokesman specified that two men were held.",
			speaker: "spokesman for the Riga city police", exact: true},
		{name: "according to two sources joined by and", number: "300",
			text:    "According to Latvia and Estonia, 300 troops crossed the border.",
			speaker: "Latvia and Estonia", exact: true},
		{name: "according to modifiers joined by and", number: "200",
			text:    "According to federal and state investigators, each clan had 200 members.",
			speaker: "federal and state investigators", exact: true},
		{name: "figures released by a described body show", number: "300",
			text:    "Figures released by the defence ministry show 300 soldiers died in May.",
			speaker: "defence ministry", exact: true},
		{name: "a specification is a statement", number: "40",
			text:    "Latvia's defence ministry specified that 40 drones had crossed the border.",
			speaker: "defence ministry"},
		{name: "a disclosure is a statement", number: "2,100",
			text:    "Latvia's defence minister, Andris Berzins, disclosed that at least 2,100 of his country's reservists had been called up.",
			speaker: "Andris Berzins"},
		{name: "an inverted role that ends in the person's name", number: "40",
			text:    "\"We counted 40 drones overnight,\" said the Prime Minister of Latvia on Sunday Arturs Karins.",
			speaker: "Arturs Karins", exact: true},
		{name: "an inverted role of a relative is not the relative", number: "12",
			text:    "\"Twelve of us were taken, 12 in one night,\" said the wife of Arturs Karins.",
			speaker: "wife of Arturs Karins"},
		{name: "according to what a body said", number: "150",
			text:    "Gazprom warned on Monday that flows would fall. They fell by 150 million cubic metres, according to what it told reporters.",
			speaker: "Gazprom"},
		{name: "pronoun after a quotation that names another person", number: "four",
			text:    "Olena Marchuk, an analyst at the Kyiv Centre, said the talks were stalling.\n\n“It is a signal to Moscow. Putin wants the four regions he cannot take,” she told reporters.",
			speaker: "Olena Marchuk"},
		{name: "relayed belief, same speaker", number: "300",
			text:    "Senior allied officials told the BBC they believed at least 300 of the 1,200 marines had been wounded.",
			speaker: "allied officials", hedge: "believed"},
		{name: "relayed belief, other speaker", number: "40",
			text:    "The defence ministry told reporters that frontline commanders believed 40 tanks had been lost.",
			speaker: "frontline commanders", relay: "defence ministry", hedge: "believed"},
		{name: "data from a body with an abbreviation", number: "9,000",
			text:    "About 9,000 people crossed the border, according to data from the U.N. refugee agency.",
			speaker: "U.N. refugee agency"},
		{name: "abbreviation in the speaker", number: "12",
			text:    "The fleet lost 12 landing craft, U.K. officials said on Tuesday.",
			speaker: "U.K. officials"},
		{name: "according to X citing Y", number: "700",
			text:    "Some 700 vehicles were destroyed in March, according to U.S. officials citing data from Kyiv.",
			speaker: "U.S. officials"},
		{name: "research body with apposition", number: "14",
			text:    "The Centre for Maritime Studies, a Lisbon-based think tank that follows the fleet, has reported that 14 vessels were damaged.",
			speaker: "Centre for Maritime Studies"},
		{name: "respondents told a pollster", number: "70%",
			text:    "Some 70% of Ukrainians told the Kyiv-based polling institute Rating that they back the talks.",
			speaker: "Rating"},
		{name: "prosecutors told an outlet", number: "23",
			text:    "Regional prosecutors have told the Guardian that 23 civilians were killed in the strike.",
			speaker: "Regional prosecutors"},
		{name: "a state pledges", number: "£40m",
			text:    "Britain pledged £40m in new aid for the port on Monday.",
			speaker: "United Kingdom", entity: "gpe:gb"},
		{name: "governments pledge", number: "2,000",
			text:    "European governments have pledged 2,000 more artillery shells.",
			speaker: "European governments"},
		{name: "a state plans to give", number: "80",
			text:    "The Netherlands plans to give 80 armoured vehicles to the brigade.",
			speaker: "Netherlands"},
		{name: "committing is no pledge", number: "300",
			text:    "Russian forces committed 300 abuses in the town last year.",
			speaker: ""},
		{name: "a plan as a noun is no pledge", number: "40",
			text:    "The plan to send 40 tanks stalled in the spring.",
			speaker: ""},
		{name: "No 10 said", number: "30",
			text:    "No 10 said Britain would send 30 armoured vehicles.",
			speaker: "No 10"},
		{name: "a building for a government", number: "£500m",
			text:    "The extra £500m would go to drones built at home, Downing Street said.",
			speaker: "Downing Street", entity: "gpe:gb"},
		{name: "no leak from the previous sentence", number: "6,000",
			text:    "The Institute for Strategic Review said losses were rising. Moscow last published its own toll in 2023, when it said it had lost about 6,000 soldiers.",
			speaker: "Moscow"},
		{name: "she to the woman", number: "8",
			text:    "Ms Maria Kovalenko visited the site with Mr Petro Holub. She said 8 people were injured.",
			speaker: "Kovalenko"},
		{name: "they to the group", number: "20",
			text:    "Volunteers in the village counted the damage, local officials said. They say 20 drones hit the school overnight.",
			speaker: "officials"},
		{name: "they left as written, marked unresolved", number: "30",
			text:    "Smoke rose over the school. They say 30 families remain.",
			speaker: "They (unresolved)"},
		{name: "speaker without the date", number: "90",
			text:    "Pentagon spokesperson Pat Ryder on Tuesday said 90 missiles had been intercepted.",
			speaker: "Pat Ryder"},
		{name: "embassy in a capital", number: "10",
			text:    "Russian forces killed 10 people queuing for bread, the US embassy in Kyiv said.",
			speaker: "US embassy in Kyiv"},
		{name: "the statement", number: "$2 billion",
			text:    "Antony Blinken said in a statement that aid would continue. The United States has provided more than $2 billion since the war began, the statement said.",
			speaker: "Blinken"},
		{name: "participle", number: "25,000",
			text:    "Yevgeny Prigozhin, the head of the Wagner group, launched a mutiny, saying he had 25,000 fighters.",
			speaker: "Prigozhin"},
		{name: "that's according to", number: "80%",
			text:    "About 80% of residents have a relative at the front. That's according to a survey conducted by the Kyiv International Institute of Sociology.",
			speaker: "Kyiv International Institute of Sociology"},
		{name: "evidence without a source", number: "29",
			text:    "According to revised estimates, 29 battalions can no longer fight.",
			speaker: ""},
		{name: "hedges on the claim", number: "200",
			text:    "The governor said as many as 200 soldiers had reportedly deserted.",
			speaker: "governor", hedge: "reportedly"},
		{name: "unverified", number: "3,000",
			text:    "Officials claimed 3,000 homes were damaged, a figure that could not be independently verified.",
			speaker: "Officials", hedge: "could not be independently verified"},
		{name: "readers' letters", number: "300",
			text:    "Millions of children go hungry because of the sanctions.Jane DoeHalton, Kent  Another 300 families wait for aid in the town.John SmithRipon, Yorkshire",
			speaker: "John Smith"},
		{name: "the data showed", number: "14",
			text:    "About 120 visits were logged in 2024, according to data from the Centre for Civic Records. The data showed that the minister joined 14 of them.",
			speaker: "Centre for Civic Records"},
		{name: "a survey shows before its source is named", number: "60%",
			text:    "People are as happy as before, according to new survey results. It shows that 60% of them know a soldier. The results come from a survey conducted by the Lviv Polling Institute.",
			speaker: "Lviv Polling Institute"},
		{name: "said this", number: "50,000",
			text:    "Russia is preparing an offensive against the city with 50,000 troops. The Centre for Defence Studies (CDS) said this in its weekly assessment.",
			speaker: "Centre for Defence Studies"},
		{name: "the statement goes on", number: "120",
			text:    "The UK is sending more than 900 missiles to the front. There will also be 120 armoured vehicles.",
			speaker: "United Kingdom"},
		{name: "agreed to send", number: "31",
			text:    "The US agreed to send 31 tanks in January.",
			speaker: "United States"},
		{name: "a quotation goes on", number: "40",
			text:    "“Losses are heavy,” Colonel Ivan Petrenko said. “We lost 40 vehicles in a week.”",
			speaker: "Petrenko"},
		{name: "a role in the lead", number: "300,000",
			text:    "Nato's secretary general has said the alliance will put 300,000 troops on alert. Jens Stoltenberg said the change was the biggest since the cold war.",
			speaker: "Stoltenberg"},
		{name: "providing is no pledge without an amount", number: "300,000",
			text:    "The European Union is providing assistance, including 300,000 shells from a Czech initiative.",
			speaker: ""},
		{name: "it after boilerplate", number: "two",
			text:    "Gazprom says it is cutting gas deliveries to 33 million cubic metres a day. JOIN US ON TELEGRAM! Follow our coverage. It says in a statement that it is halting one of the last two turbines.",
			speaker: "Gazprom"},
		{name: "claiming a thing is no claim", number: "tens of thousands",
			text:    "In his speech, the president sought to claim a mandate for a war that has left tens of thousands dead.",
			speaker: ""},
		{name: "a semicolon ends the statement before", number: "11",
			text:    "Other stories: Airstrikes near the city kill 11 civilians; Blackouts will continue for months, the grid operator says.",
			speaker: ""},
		{name: "police found is no claim", number: "20",
			text:    "Police found 20 bodies in the forest.",
			speaker: ""},
		{name: "will commit an amount", number: "2,000",
			text:    "Canada will commit an extra 2,000 troops to the defence of Latvia.",
			speaker: "Canada"},
		{name: "committing to a thing is no pledge", number: "40",
			text:    "The minister refused to commit to membership for the 40 applicants.",
			speaker: ""},
		{name: "a plan to do anything", number: "50,000",
			text:    "Canada tightens its visa rules and plans to accept 50,000 refugees from the region.",
			speaker: "Canada"},
		{name: "the report of a named body", number: "7,000",
			text:    "A report published by the Harbour Research Lab in May examined the camps. The report estimated that at least 7,000 children had been moved.",
			speaker: "Harbour Research Lab"},
		{name: "polls suggest, trailing", number: "45%",
			text:    "Support for joining the alliance has risen to about 45% in Norway, several opinion polls suggest.",
			speaker: "opinion polls"},
		{name: "name, role, said", number: "12",
			text:    "Petro Danko, the governor of Sumy, said 12 villages had been shelled overnight.",
			speaker: "Petro Danko"},
		{name: "role, name, said", number: "90",
			text:    "“We lost 90 vehicles,” the region’s military chief, Olha Marchenko, said on Monday.",
			speaker: "Olha Marchenko"},
		{name: "body, led by a person, said", number: "25",
			text:    "Norway’s Labour party, led by prime minister Kari Holm, said the 25-member group would meet again.",
			speaker: "Labour"},
		{name: "a share of respondents told an institute", number: "61 percent",
			text:    "Last month, 61 percent of surveyed Moldovans told the Chisinau Institute of Public Policy they oppose the plan.",
			speaker: "Chisinau Institute of Public Policy"},
		{name: "respondents of the poll before", number: "Three-quarters",
			text:    "In May, 61 percent of surveyed Moldovans told the Chisinau Institute of Public Policy they oppose the plan. Three-quarters of respondents also said they expect higher prices.",
			speaker: "Chisinau Institute of Public Policy"},
		{name: "declared: a quotation", number: "5,000",
			text:    "After the summit, Carlsson declared: “More than 5,000 soldiers will arrive by June.”",
			speaker: "Carlsson"},
		{name: "a relative pronoun's antecedent", number: "3%",
			text:    "The minister defended the plan, which said that at least 3% of GDP would go on defence.",
			speaker: "plan"},
		{name: "a relative clause that claims lives is no claim", number: "41",
			text:    "Flowers were laid for the crash, which claimed 41 lives in 2019.",
			speaker: ""},
		{name: "the company after the body", number: "$12 billion",
			text:    "Petrobras on Monday reported a record profit. Its chief executive praised the staff. Prices rose in the spring. The company said it expects to spend $12 billion next year.",
			speaker: "Petrobras"},
		{name: "any verb before a colon and a quotation", number: "4%",
			text:    "Marta Lind spoke in Oslo. She continued: “We will reach 4% of GDP by the end of the decade.”",
			speaker: "Marta Lind"},
		{name: "a body declares an amount", number: "$2.5 billion",
			text:    "The oil company Shell declared a dividend of $2.5 billion for the quarter.",
			speaker: "Shell"},
		{name: "he inside a quotation is not its speaker", number: "40",
			text:    "The director, Petro Holub, toured the ward. Nurse Olena Marchuk was angry. “He said 40 beds were free, but he never asked about me,” she said.",
			speaker: "Petro Holub", relay: "Olena Marchuk"},
		{name: "he in a quotation that goes on", number: "15",
			text:    "Petro Holub, the director, spoke to the staff. “He always complains about me,” said Andriy Melnyk. “He says 15 beds are free.”",
			speaker: "Petro Holub"},
		{name: "I inside a quotation is its speaker", number: "25",
			text:    "Mr Petro Holub, the director, left early. “I told him 25 beds were free,” said Olena Marchuk.",
			speaker: "Olena Marchuk"},
		{name: "a progressive reporting verb", number: "0.7%",
			text:    "On Monday it emerged that No 10 had been warning it would most likely ditch the 0.7% target.",
			speaker: "No 10"},
		{name: "a progressive reporting verb after was", number: "12",
			text:    "The ministers met in Rome. The foreign minister was insisting that 12 ships had been seized.",
			speaker: "foreign minister"},
		{name: "a free relative is no progressive claim", number: "40",
			text:    "Oskarian officials have warned of a deal. The Latvian foreign ministry said in a statement that the report “confirms what we have been telling our partners for 40 days” and called for new sanctions on Moscow.",
			speaker: "Latvian foreign ministry"},
		{name: "a participle of a new progressive verb is no rule cue", number: "2,000",
			text:    "President Ilves has warned that Moscow's build-up represents a grave escalation, stating that 2,000 troops have crossed the border.",
			speaker: "Ilves"},
		{name: "a warning as a noun is no claim", number: "40",
			text:    "The warning came after 40 drones hit the city.",
			speaker: ""},
		{name: "a relative clause on the place of a pledge is the writer's", number: "900",
			text:    "Canada will commit an extra 2,000 troops to the defence of Latvia, where Canada already has about 900 soldiers.",
			speaker: ""},
		{name: "a pledge's breakdown stays the pledger's", number: "£2bn",
			text:    "Norway has pledged £5bn to Ukraine, of which £2bn is for military aid.",
			speaker: "Norway"},
		{name: "reported speech goes on in the past perfect", number: "30",
			text:    "A report published by the Harbour Research Lab in May examined the camps. The report estimated that at least 7,000 children had been moved. In the north, 30 new camps had been built to hold them.",
			speaker: "Harbour Research Lab"},
		{name: "the writer's simple past after reported speech", number: "20",
			text:    "The ministry said 40 drones had been shot down. Earlier in the week, Russia launched 20 missiles at the port.",
			speaker: ""},
		{name: "no past perfect goes on over a paragraph break", number: "50",
			text:    "The ministry said 40 drones had been shot down.\n\nBy March, 50 towns had been captured by the army.",
			speaker: ""},
		{name: "a survey's source keeps its abbreviation", number: "60%",
			text:    "People are as happy as before, according to new survey results. It shows that 60% of them know a soldier. The results come from a survey conducted by the Lviv Polling Institute (LPI).",
			speaker: "Lviv Polling Institute (LPI)"},
		{name: "the role to the person titled with it", number: "6,000",
			text:    "Prime Minister Boris Johnson met Nato leaders in Brussels. Jens Stoltenberg welcomed the talks. Overnight, the prime minister said the UK would send an additional 6,000 missiles.",
			speaker: "Boris Johnson"},
		{name: "the role to the person in apposition with it", number: "2,000",
			text:    "Ben Wallace, the defence secretary, has pushed for more money. Rishi Sunak declined. The defence secretary said 2,000 troops would go to Estonia.",
			speaker: "Ben Wallace"},
		{name: "a role with no person titled stays as written", number: "3,000",
			text:    "Ben Wallace has pushed for more money. The prime minister said 3,000 troops would go to Estonia.",
			speaker: "prime minister"},
		{name: "a relative adverb is not part of the speaker", number: "200",
			text:    "The prosecutor spoke on a visit to Irpin, where officials say more than 200 civilians died.",
			speaker: "officials", exact: true},
		{name: "an infinitive on a noun is no claim", number: "9,000",
			text:    "“It defies logic to believe the Latvians would attack with 9,000 troops on the border,” Karins said.",
			speaker: "Karins"},
		{name: "an impersonal passive names no speaker", number: "40",
			text: "Officials in Oslo praised the plan. They expect calm, but it is often said of the navy that 40 officers quit each year."},
		{name: "a post by a described person", number: "60",
			text:    "The firm will hand over 60 trucks, according to a tweet by the country’s deputy prime minister.",
			speaker: "country’s deputy prime minister", exact: true},
		{name: "a decree published by a body", number: "90,000",
			text:    "The army will grow by 90,000, according to a decree published by the Ministry of Labour in March.",
			speaker: "Ministry of Labour", exact: true},
		{name: "an investigation by an outlet", number: "700",
			text:    "Nearly 700 students were admitted through quotas, according to an investigation by the outlet Novaya Pravda.",
			speaker: "Novaya Pravda", exact: true},
		{name: "a report's source without its month", number: "7,000",
			text:    "A report published by the Harbour Research Lab in May examined the camps. The report estimated that at least 7,000 children had been moved.",
			speaker: "Harbour Research Lab", exact: true},
		{name: "declaring a thing is no claim", number: "three",
			text:    "The city council declared three days of mourning.",
			speaker: ""},
		// Classes the PolNeAR figure-speaker check (sitrep eval speakers)
		// showed; the sentences are written for this test.
		{name: "a definite piece of evidence with no source named speaks as written", number: "38 percent",
			text:    "Support for the levy stands at 38 percent, according to the survey.",
			speaker: "the survey"},
		{name: "a named outlet reports after the statement", number: "12 percent",
			text:    "Fuel prices rose 12 percent last quarter, The Harbour Gazette reports.",
			speaker: "Harbour Gazette"},
		{name: "a named body found that", number: "1 in 5",
			text:    "The Lakeside Tribune found that 1 in 5 households had no heating.",
			speaker: "Lakeside Tribune"},
		{name: "a body expects that", number: "4 percent",
			text:    "The central bank expects that inflation will ease to 4 percent by spring.",
			speaker: "central bank"},
		{name: "a backshifted conjunct goes on with the statement", number: "90 billion",
			text:    "The Budget Office says the plan would cut revenue in the first years as firms delayed investment, but would eventually raise 90 billion dollars over a decade.",
			speaker: "Budget Office"},
		{name: "a poll with a participle and a time after it", number: "44 percent",
			text:    "A Northfield University poll released on Friday showed the mayor ahead with 44 percent.",
			speaker: "Northfield University"},
		{name: "a poll with a time after it", number: "45 percent",
			text:    "A Northfield poll last month showed the mayor leading, 45 percent to 30 percent.",
			speaker: "Northfield"},
		{name: "a participle set off by a comma goes on with what the poll showed", number: "17 percent",
			text:    "A new Harbour survey showed Reed leading the race with support of 31 percent of Labour voters, followed by Governor Dan Marsh at 17 percent and Ana Berg at 13 percent.",
			speaker: "Harbour survey"},
		{name: "exit polling shows, the verb taken for a noun", number: "61%",
			text:    "Exit polling shows she won 61% of voters under 30.",
			speaker: "Exit polling"},
		{name: "the statement goes on past a mid-sentence attribution", number: "3 percent",
			text:    "Turnout fell to 52 percent, according to the electoral commission, and spoiled ballots rose to 3 percent.",
			speaker: "electoral commission"},
		{name: "words before a mid-sentence according to that hold no verb", number: "12",
			text:    "Among the sites at risk, according to Anna Berg, are 12 historic churches.",
			speaker: "Anna Berg"},
		{name: "a share of respondents answers the poll the sentence is according to", number: "39 percent",
			text:    "According to a Harbour Times survey, 51 percent of respondents said they would vote for Reed, versus 39 percent for Berg.",
			speaker: "Harbour Times survey"},
		{name: "a sentence that opens with the poll it reports", number: "61 percent",
			text:    "In a Harbour Gazette/Metrix poll published Monday, 61 percent of readers backed the plan.",
			speaker: "Harbour Gazette"},
		{name: "a possessor's estimate", number: "3.1 percent",
			text:    "The cut was enough to keep the IMF's estimate of global growth at 3.1 percent this year.",
			speaker: "International Monetary Fund"},
		{name: "a figure a speaker cites", number: "88",
			text:    "The senator cited 88 letters from veterans.",
			speaker: "senator"},
		{name: "a proposal with an amount", number: "500 million",
			text:    "Governor Ana Reyes is proposing to plant 500 million trees by 2030.",
			speaker: "Ana Reyes"},
		{name: "a share of respondents answers the poll that holds it", number: "79 percent",
			text:    "In a Harbour Gazette survey released on Thursday, 79 percent of voters said they backed the levy.",
			speaker: "Harbour Gazette"},
		{name: "a share of respondents in a sentence that opens with the poll", number: "60 percent",
			text:    "In a Harbour Times/Metrix survey released last Thursday, 79 percent of Labour voters said they were satisfied with the mayor's record and 60 percent said they would like the next mayor to continue her policies.",
			speaker: "Harbour Times/Metrix survey"},
		{name: "a parenthetical adjunct between the speaker and the cue", number: "757",
			text:    "Mr. Reed, in a brief interview on Saturday, said his 757 was a fine aircraft.",
			speaker: "Reed"},
		{name: "a relative clause between the speaker and the cue", number: "millions",
			text:    "Ana Berg, who attended the rally on Wednesday, said that the firm made millions from the deal.",
			speaker: "Ana Berg"},
		{name: "an age and a place between the speaker and the cue", number: "12",
			text:    "Mr. Dale, now 81 and retired in Salem, Mass., said by telephone that 12 of the crew survived.",
			speaker: "Dale"},
		{name: "a time between the speaker and the cue", number: "75",
			text:    "Senator Reed earlier Thursday said the committee has held 75 interviews.",
			speaker: "Reed"},
		{name: "a party tag in apposition", number: "40",
			text:    "Rep. Ana Berg, R-NY, says 40 families lost their homes.",
			speaker: "Ana Berg"},
		{name: "a name and a colon before a tally is no statement", number: "1,769",
			text: "Ana Berg: 1,769."},
		{name: "a pronoun that pledges", number: "35 percent",
			text:    "Mayor Tom Reed spoke in Leeds on Monday. At every rally, he vows to impose a 35 percent levy on imported steel.",
			speaker: "Tom Reed"},
		{name: "people who found that (no earlier claim for they to resolve to)", number: "$213",
			text:    "Ana Berg and Tom Reed studied local wages. They found that the imports cut earnings by $213 per adult a year.",
			speaker: "They (unresolved)"},
		{name: "a quotation runs on over the sentences of its paragraph and the paragraph that opens with the mark again", number: "30 nurses",
			text:    "The mayor defended the budget.\n\n“We cut 40 posts last year,” said Ana Berg, the mayor. “It was painful. We saved 12 million pounds.\n\n“Next year we will hire 30 nurses.”\n\nThe council meets in May.",
			speaker: "Ana Berg"},
		{name: "a straight-quoted quotation runs on over paragraphs", number: "70 people",
			text:    "The mayor defended the budget.\n\n\"We cut 40 posts,\" Berg said. \"It was painful.\n\n\"Next year we will hire 30 nurses. That adds up to 70 people.\"\n\nThe council meets in May.",
			speaker: "Berg"},
		{name: "the paragraph after the quotation is the writer's", number: "15 members",
			text: "The mayor defended the budget.\n\n“We cut 40 posts,” Berg said. “It was painful.\n\n“Next year we will hire 30 nurses.”\n\nThe council, which has 15 members, meets in May."},
		{name: "a line that ends with a verb and a colon over a quoted paragraph", number: "forty-four",
			text:    "Ana Berg spoke at length.\n\nBerg continued:\n\n\"The levy is a partisan issue. Forty-three, yes; forty-four, no.\"\n\nThe council meets again in May.",
			speaker: "Ana Berg"},
		{name: "a number after the cue is no trailing adjunct", number: "at least six",
			text:    "Friday morning, as the parade rolled through Leeds, the Harbour Gazette reported at least six planes flew over the crowd.",
			speaker: "Harbour Gazette"},
		{name: "evidence after a possessive with a curly apostrophe", number: "35%",
			text:    "But the Harbour Institute’s polling showed a clear divide, with 35% wanting peace at once.",
			speaker: "Harbour Institute", exact: true},
		{name: "named records show, after the statement", number: "$57 million",
			text:    "In all, the host committee raised $57 million, Harbour Election Commission records show.",
			speaker: "Harbour Election Commission"},
		{name: "a single piece of evidence with an indefinite article speaks as written", number: "32%",
			text:    "The debate took place as a new poll showed that Reed had moved ahead of Berg in Leeds, 32% to 25%.",
			speaker: "new poll"},
		{name: "records with no source named leave the figure to the outlet", number: "$35 million",
			text: "Records show the aircraft was insured at a value of $35 million in 2011."},
		{name: "a poll that ends the sentence after in", number: "6 percent",
			text:    "The former governor took just 6 percent of the vote in a Harbour Times/Metrix poll released Sunday.",
			speaker: "Harbour Times/Metrix poll"},
		{name: "polls as elections after in are no evidence", number: "4 in 10",
			text: "About 9 in 10 Labour voters in five towns going to the polls on Tuesday are unhappy, and about 4 in 10 are angry."},
		{name: "a relation as the speaker after the statement", number: "three",
			text:    "Hana Berg, a mother of three and a manager at the port, was also headed to Leeds, her friend said.",
			speaker: "friend"},
		{name: "a time after the cue, then that: the statement follows", number: "125,000",
			text:    "Just days before it was to report its earnings on Wednesday, the social media company said on Friday that it had suspended 125,000 accounts.",
			speaker: "company"},
		{name: "a quotation goes on after an inverted cue", number: "two",
			text:    "“It is a difficult issue,” said the senator, “because it puts two rights in conflict.”",
			speaker: "senator"},
		{name: "a colon after a trailing time is no that: the statement is before the cue", number: "up to 100",
			text:    "Ukraine may lose up to 100 soldiers a day in the east, president Ana Berg said Sunday.⚡️Berg: the losses may go on every day.",
			speaker: "Ana Berg"},
		{name: "a semicolon after the cue ends the statement before it", number: "about 40 percent",
			text:    "To win, candidates probably need about 40 percent of the vote, political analysts say; in 2012, Reed won 27 percent.",
			speaker: "political analysts"},
		{name: "a contrast after a plan is the writer's", number: "1,200",
			text: "Ana Reyes wants to build 2,000 homes by 2030, but her rivals would cap the total at 1,200."},
	}
	st := New()
	parse := syntax.New()
	ner := entity.New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &news.Article{Text: tt.text, Outlet: "The Test Gazette"}
			for _, s := range []interface {
				Process(context.Context, *news.Article) error
			}{sentence.New(), parse, ner, st} {
				if err := s.Process(context.Background(), a); err != nil {
					t.Fatal(err)
				}
			}
			c := holder(a, tt.number)
			if tt.speaker == "" {
				if c != nil && c.SpeakerSpan != nil {
					t.Errorf("%s credited to %q, want the outlet", tt.number, c.Speaker)
				}
				return
			}
			if c == nil {
				t.Fatalf("no claim holds %s: %+v", tt.number, a.Claims)
			}
			if !strings.Contains(c.Speaker, tt.speaker) {
				t.Errorf("speaker %q, want %q", c.Speaker, tt.speaker)
			}
			if tt.exact && c.Speaker != tt.speaker {
				t.Errorf("speaker %q, want exactly %q", c.Speaker, tt.speaker)
			}
			if c.Speaker == a.Outlet {
				t.Errorf("speaker is the outlet")
			}
			if tt.entity != "" && !strings.HasPrefix(c.SpeakerEntity, tt.entity) {
				t.Errorf("speaker entity %q, want %q", c.SpeakerEntity, tt.entity)
			}
			if !strings.Contains(c.Relay, tt.relay) || tt.relay == "" && c.Relay != "" {
				t.Errorf("relay %q, want %q", c.Relay, tt.relay)
			}
			if tt.hedge != "" && !contains(c.Hedges, tt.hedge) {
				t.Errorf("hedges %q, want %q", c.Hedges, tt.hedge)
			}
		})
	}
}

// TestStatesIsNoCue: "states" the noun never makes a claim, with or
// without the syntax layer.
func TestStatesIsNoCue(t *testing.T) {
	text := "The global hegemon of the United States faces a test, and the Baltic states sent 500 more troops."
	for _, parsed := range []bool{false, true} {
		a := annotate(t, text)
		if parsed {
			if _, err := syntax.Model(); err != nil {
				continue
			}
			if err := syntax.New().Process(context.Background(), a); err != nil {
				t.Fatal(err)
			}
		}
		for _, c := range Find(a) {
			if c.Cue == "states" {
				t.Errorf("parsed %v: a \"states\" cue: %+v", parsed, c)
			}
		}
	}
}
