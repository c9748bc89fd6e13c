package figure_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/internal/annotate/claim"
	"sitrep/internal/annotate/entity"
	"sitrep/internal/annotate/figure"
	"sitrep/internal/annotate/quantity"
	"sitrep/internal/annotate/sentence"
	"sitrep/internal/annotate/syntax"
	"sitrep/internal/annotate/timex"
	"sitrep/internal/news"
	"sitrep/internal/sharedtest"
)

// run annotates text (published pub) with every stage the figure layer
// reads, the syntax stage included, and returns its figures.
func run(t *testing.T, text string, pub time.Time) []news.Figure {
	t.Helper()
	a := &news.Article{ID: "t", Text: text, Outlet: "OUTLET", Published: pub}
	for _, st := range []stage{sentence.New(), syntax.New(), quantity.New(), timex.New(), entity.New(), claim.New()} {
		if err := st.Process(context.Background(), a); err != nil {
			t.Fatal(err)
		}
	}
	return figure.Find(a)
}

// TestMeasureFields checks the structured measure on sentences written
// for this test, one per class of the issue (#19 item 1).
func TestMeasureFields(t *testing.T) {
	pub := time.Date(2031, 3, 12, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text, figure                    string
		what, owner, fate, place, scope, time string // what, owner and place are not checked when empty; "-" must be empty
		whole                                 string // the text of the figure this one is part of or adds to
	}{
		{"a percentage before a rate is the rate's level, plural and undetermined too", "Latvia floated upwards of 60% tariffs on all Norwegian imports.",
			"upwards of 60%", "tariff", "", "", "", "share", "", ""},
		{"a level a rate is raised to is the rate's", "The minister said he could raise tariffs to around 50% next year.",
			"around 50%", "tariff", "", "raised", "", "share", "", ""},
		{"a share before a noun of people is still people's", "A 60% majority of Latvians backed the treaty.",
			"60%", "people", "", "support", "", "share", "", ""},
		{"members of armed forces are personnel", "Latvia exchanged 86 members of its armed forces with Norway today.",
			"86", "personnel", "", "exchanged", "", "total", "", ""},
		{"guard members taken prisoner are personnel captured", "Around 200 Latvian national guard members have been taken prisoner by Norwegian troops.",
			"Around 200", "personnel", "", "captured", "", "total", "", ""},
		{"refugees' neighbours internally displaced are idps", "Since Norway invaded, more than six million people have fled the country and more than five million have been internally displaced, according to the ministry.",
			"more than five million", "idps", "", "displaced", "", "total", "", ""},
		{"an -ing word between a number and a noun is an adjective, not a fate", "Each battery consists of two firing platoons with two launchers.",
			"two", "", "", "", "", "total", "", ""},
		{"a count thought to have fled counts no 'thought'", "Families huddled in basements, with millions thought to have fled their homes.",
			"millions", "refugees", "", "fled", "", "total", "", ""},
		{"more wounded after the killed are wounded", "At least 102 civilians in Latvia have been killed, with 304 more wounded, the UN said.",
			"304", "", "", "wounded", "", "total", "", ""},
		{"a count that was dead was killed, however the tree hung it", "The president urged Norwegian troops to leave, claiming 4,500 were already dead.",
			"4,500", "", "", "killed", "", "total", "", ""},
		{"a two-letter place that is no state is no country code", "Their records were compared with those of more than 4.7 million people who were seen at the VA for other reasons.",
			"more than 4.7 million", "", "-", "", "", "total", "", ""},
		{"a body sized in members is an institution, not the dead", "Latvia, as one of five permanent members of the 15-member body, has a veto.",
			"15-member", "", "-", "", "", "total", "", ""},
		{"one man is a person, not a troop", "The drone attack in Riga on Friday killed one man and injured at least 10 others.",
			"one", "people", "", "killed", "", "event", "", ""},
		{"men are troops", "Norway massed some 5,000 men on the border.",
			"some 5,000", "personnel", "", "deployed", "", "total", "", ""},
		{"troops gathered at a border are deployed", "Norway has gathered about 120,000 soldiers at the border with Latvia.",
			"about 120,000", "personnel", "no", "deployed", "", "total", "", ""},
		{"a build-up of troops is troops deployed", "The general described the build-up of 90,000 Norwegian troops near Latvia's border as the largest in decades.",
			"90,000", "personnel", "no", "deployed", "", "total", "", ""},
		{"troops concentrated on a frontier are deployed", "Norway has concentrated 60,000 troops along the frontier.",
			"60,000", "personnel", "no", "deployed", "", "total", "", ""},
		{"a verb after a comma that takes its own object is no participle of the noun", "The war has claimed the lives of about 14,000 people, injured at least 30,000, and forced more than 1.5 million people to flee their homes.",
			"about 14,000", "people", "", "killed", "", "total", "", ""},
		{"a causative's complement says what became of them", "The war has claimed the lives of about 14,000 people, injured at least 30,000, and forced more than 1.5 million people to flee their homes.",
			"more than 1.5 million", "", "", "fled", "", "total", "", ""},
		{"people who crossed into a country are where they came from's", "Around 100,000 people have crossed into Latvia from Norway since the invasion began.",
			"Around 100,000", "people", "no", "crossed", "lv", "total", "", ""},
		{"people deported to a country are not its own", "Norway said that Latvia has deported thousands of people to Latvia's far north.",
			"thousands", "people", "-", "deported", "", "total", "", ""},
		{"a share's question is its attitude subject's, whatever the change verb", "Public support for the treaty in Latvia has trebled to about 76%.",
			"about 76%", "people", "lv", "support", "", "share", "", ""},
		{"an estimator owns nothing it counts", "US officials increased their estimate of the force to 190,000 troops, arrayed in over 120 battalion tactical groups.",
			"over 120", "units", "-", "", "", "total", "", ""},
		{"a motion's score after a capitalised noun is a score, not a name's number", "The bill passed the House 220-212 on Friday.",
			"220", "votes", "", "voted for", "", "total", "", ""},
		{"a count after a comma and 'now' stays a figure when no person stands before it", "The death toll, now 69, is expected to rise.",
			"69", "", "", "", "", "total", "", ""},
		{"a deadline after publication is a target's time, whatever the verb", "Latvia pledged to lift defence spending to 3% of GDP by 2035.",
			"3%", "", "", "pledged", "", "share", "2035", ""},
		{"a time set off at the head of the sentence dates a figure in a clause of its own", "Two decades ago, Norway invaded Latvia, sending 40,000 troops across the border.",
			"40,000", "personnel", "", "deployed", "", "total", "2011", ""},
		{"a day after 'by' is no deadline", "By Thursday morning, the fire had destroyed 300 homes.",
			"300", "", "", "destroyed", "", "total", "2031-03-12", ""},
		{"a court's split is a vote, and a time after the score is no counted noun", "The court's 6-3 ruling last month struck the law down.",
			"3", "votes", "", "voted against", "", "total", "", ""},
		{"who blacklists people does not own them", "The Norwegian treasury blacklisted 22 individuals on Monday.",
			"22", "people", "-", "blacklisted", "", "total", "", ""},
		{"no person owns the countries counted", "Olaf Scholz has refused to lift export limits on the 15 countries that bought the tanks.",
			"15", "states", "-", "", "", "total", "", ""},
		{"a leader's plan to invest is the state's", "On a visit to Riga, Fumio Kishida announced a plan to invest $75 billion in the Baltic states.",
			"$75 billion", "money", "jp", "invested", "", "total", "", ""},
		{"a share's place is its subject's before a place in the verb's adjuncts", "Support for membership in Finland has risen to about 75% since the attack on Latvia.",
			"about 75%", "people", "fi", "support", "-", "share", "", ""},
		{"people killed at a civilian site are civilians", "At least 19 people were killed when two missiles hit a crowded shopping centre in Riga.",
			"At least 19", "civilians", "lv", "killed", "riga", "event", "", ""},
		{"people killed with no civilian site named stay people", "At least 19 people were killed in the fighting near Riga.",
			"At least 19", "people", "", "killed", "", "total", "", ""},
		{"artillery pieces are artillery", "Norway agreed to send 90 M777 artillery pieces to Latvia.",
			"90", "weapons/artillery", "no", "pledged", "", "total", "", ""},
		{"service members are personnel", "The war caused the deaths of nearly 4,600 Norwegian service members.",
			"nearly 4,600", "personnel", "no", "killed", "", "total", "", ""},
		{"the recipient before 'with' is no donor", "In addition to its own aid, the EU is backing a Norwegian initiative that will begin supplying Latvia with some 300,000 rounds of artillery shells in June.",
			"some 300,000", "weapons/ammunition", "no", "delivered", "", "total", "", ""},
		{"assets frozen are a fate of money", "Norway has frozen Latvian assets worth $300 million.",
			"$300 million", "money", "", "frozen", "", "total", "", ""},
		{"the verb of the noun an 'of' phrase hangs on governs the thing counted", "Norway hosted three rounds of peace talks between Latvia and Estonia last year.",
			"three", "", "no", "", "", "total", "", ""},
		{"a comparison's participle borrows no owner from the speaker", "Police chief Mark Doyle said there were six arrests Wednesday, compared to 47 the previous night.",
			"47", "arrest", "-", "", "", "total", "", ""},
		{"legislative bodies are institutions, not the dead", "The party picked up 19 state legislative bodies in the election.",
			"19", "body", "", "picked", "", "total", "2031-03-12", ""},
		{"bodies recovered are the dead", "Rescuers recovered 12 bodies from the rubble.",
			"12", "people", "", "killed", "", "total", "", ""},
		{"money taken out of a fund is no share of it", "The governor took more than $700 million out of the pension fund.",
			"more than $700 million", "money", "", "", "", "total", "2031-03-12", ""},
		{"a count out of a number is a share", "Nine out of every ten households lost power.",
			"Nine", "", "", "", "", "share", "", ""},
		{"a percentage a rate goes from is that rate's level", "The central bank cut its key rate from 16% to 15%.",
			"16%", "rate", "", "", "", "share", "2031-03-12", ""},
		{"a percentage a rate is set to counts what the rate's compound names", "The bank raised the interest rate to 21%.",
			"21%", "interest", "", "", "", "share", "2031-03-12", ""},
		{"a change verb's share is an increment, not a share of people", "The index of the Riga exchange plunged nearly 17% in a week.",
			"nearly 17%", "index", "", "", "", "increment", "", ""},
		{"a regular verb's participle is as written", "Ivo Sarv raked in more than $100 million between Sunday and Monday.",
			"more than $100 million", "money", "", "raked", "", "total", "", ""},
		{"a conjunct hung on the first's 'of' phrase shares its verb", "Elements of Latvia's armed forces as well as several hundred civilians were sheltering in bunkers under the plant.",
			"several hundred", "civilians", "", "trapped", "", "total", "", ""},
		{"the first level of a change takes the second's unit and measure", "Public support for the treaty in Latvia grew from 60 to 71 percent in a week.",
			"60", "people", "lv", "support", "", "share", "", ""},
		{"a share in favour supports", "Recent polls show as many as 68% of Latvians are in favour of joining the alliance, with only 12% against.",
			"as many as 68%", "people", "lv", "support", "", "share", "", ""},
		{"a share against opposes", "Recent polls show as many as 68% of Latvians are in favour of joining the alliance, with only 12% against.",
			"12%", "people", "", "oppose", "", "share", "", ""},
		{"troops behind a scare-quoted modifier are counted and owned", "Norway has about 1,500 \"peacekeeper\" troops in the region.",
			"about 1,500", "personnel", "no", "", "", "total", "", ""},
		{"a figure set off by 'now' in a conditional's main clause is a fact", "If the war goes on, the number of refugees, now 2.6 million, will soar.",
			"2.6 million", "", "", "", "", "total", "", ""},
		{"a participle on the noun says what became of it when its clause's verb says nothing", "Ivo Sarv was among the 65 people and firms sanctioned by Latvia on Thursday.",
			"65", "people", "", "sanctioned", "", "total", "2031-03-06", ""},
		{"a participle with a particle names no fate alone", "Scores of war games carried out by Latvia since the spring were studied.",
			"Scores", "", "", "", "", "total", "", ""},
		{"money is not killed", "Budget cuts eliminated $18 million in federal grants to the city.",
			"$18 million", "money", "", "eliminated", "", "total", "", ""},
		{"a place's name is never what is counted", "Norway will add a brigade of troops in Latvia, though the bulk of the extra 3,500 Oslo intends to send will stay at home.",
			"3,500", "-", "no", "", "", "increment", "", ""},
		{"a goal's share counts what its of phrase names", "The 2% of GDP target is only a floor, the minister said.",
			"2%", "money", "", "", "", "share", "", ""},
		{"no place inside 'in response to'", "The alliance will put 300,000 troops at high readiness in response to Russia's invasion of Latvia.",
			"300,000", "personnel", "", "ready", "-", "total", "", ""},
		{"'in response to' leaves the place the figure has", "Norway has shipped thousands of missiles to Riga in response to Moscow's aggression.",
			"thousands", "weapons/missiles", "no", "delivered", "lv", "total", "", ""},
		{"support for a place is no phrasal 'in support of'", "Norway has requested $10 billion in humanitarian and economic support for Latvia.",
			"$10 billion", "money", "no", "pledged", "lv", "total", "", ""},
		{"an aid list goes on into an existential sentence", "Norway is sending more than 1,600 missiles to Latvia. There will also be more than 400 vehicles.",
			"more than 400", "weapons/vehicles", "no", "pledged", "", "total", "", ""},
		{"a sentence with its own verb is no list going on", "Norway is sending more than 1,600 missiles to Latvia. Russia keeps 400 tanks near Riga.",
			"400", "weapons/vehicles", "", "", "", "total", "", ""},
		{"a participle before the noun says what happened", "The deal, which comes on top of another $20bn (£16bn) in promised weapons to Latvia from Oslo, is a further step.",
			"$20bn", "money", "", "pledged", "", "increment", "", ""},
		{"a candidate's share of a poll is the share backing the candidate", "In the poll, Rubio was followed by Senator Ana Berg with 14 percent.",
			"14 percent", "people", "ana-berg", "support", "", "share", "", ""},
		{"a share a candidate garnered", "In the poll, former House Speaker Ana Berg garnered 11 percent.",
			"11 percent", "people", "ana-berg", "support", "", "share", "", ""},
		{"a strike report's list goes on with the same striker", "On Monday, Norwegian forces conducted 23 strikes against militants in Latvia.\n\nNear Daugavpils, two strikes hit a depot.",
			"two", "strikes", "no", "conducted", "daugavpils", "total", "", ""},
		{"a strike report's targets are one side's", "Near Riga, three strikes engaged two Russian tactical units. Near Daugavpils, five strikes destroyed 16 oil tanker trucks.",
			"16", "vehicles", "ru", "destroyed", "", "event", "", ""},
		{"what projectiles hit is not the projectiles' owner's", "Latvia downed 108 Russian drones overnight. Officials said 13 drones struck 11 locations in the east.",
			"11", "", "-", "struck", "", "total", "", ""},
		{"a count before a gapped noun counts that noun, with its own demonym", "Norway intercepted two Russian and three Chinese bombers near Svalbard.",
			"two", "weapons/aircraft", "ru", "", "", "total", "", ""},
		{"a part after 'including' belongs to the figure before, whatever each counts", "In Latvia, 28 journalists were killed, including seven foreigners.",
			"seven", "foreigner", "", "killed", "", "part", "", "28"},
		{"billions with nothing counted are money", "Crimea is now a liability to Russia, costing billions to sustain.",
			"billions", "money", "", "cost", "", "total", "", ""},
		{"a candidate's share of the votes cast", "Berg obtained 75 percent of Latino votes cast in 2030, while Ozols racked up 27 percent.",
			"27 percent", "votes", "ozols", "received", "", "share", "", ""},
		{"a vote of N to M: the first number says both are votes", "The House approved the plan by a vote of 228 to 191 on Friday.",
			"191", "votes", "", "voted against", "", "total", "", ""},
		{"a change right after its verb is an increment of the subject", "Latvian exports fell 12% last year.",
			"12%", "export", "", "", "", "increment", "", ""},
		{"a market's slang verb of change is a change verb too", "Last year the Tallinn index popped 31%.",
			"31%", "index", "", "", "", "increment", "", ""},
		{"a noun of change before 'by' is no change", "Police watched a rally by about 700 farmers in Tartu.",
			"about 700", "", "", "", "", "total", "", ""},
		{"'off' after a copula states a change", "The Riga index was off 0.7 percent at noon.",
			"0.7 percent", "", "", "", "", "increment", "", ""},
		{"a change of spending is money", "Capital expenditure rose 18% in the quarter.",
			"18%", "money", "", "", "", "increment", "", ""},
		{"'another' after another harm counts others", "The wildfire has destroyed 212 cabins near Lake Orla, and another 1,900 are threatened.",
			"1,900", "", "", "threatened", "", "total", "", ""},
		{"'another' after another harm counts others harmed", "Shelling killed seven villagers and wounded another 16 near Orla.",
			"16", "", "", "wounded", "", "total", "", ""},
		{"a harm sharing a perfect's auxiliary is a running toll too", "Norwegian strikes on Latvia have since killed 1,400 people and injured 5,200, the ministry said.",
			"5,200", "", "", "wounded", "", "total", "", ""},
		{"a percentage before an indicator is its level", "Economists at the Baltic Grain Board expect 4% inflation next year.",
			"4%", "inflation", "", "", "", "share", "", ""},
		{"a percentage before growth is growth, not people", "Latvian unemployment fell to 6% in May. The central bank forecasts 2.5% growth in 2032.",
			"2.5%", "growth", "", "", "", "increment", "", ""},
		{"girls and boys are civilians", "Norwegian shelling killed three girls and a teacher near Orla on Friday.",
			"three", "civilians", "", "killed", "", "total", "", ""},
		{"a verb conjoined right before the number is its verb, however the tree hung it", "Four fishermen drowned on Monday, and shelling killed seven villagers and wounded another 16 near Orla.",
			"16", "", "", "wounded", "", "total", "", ""},
		{"'another' with the same harm is an increment", "Shelling killed seven villagers on Monday and another five on Tuesday.",
			"five", "", "", "killed", "", "increment", "", ""},
		{"a level a change reaches is no increment", "Support for the treaty had never risen above 30% before the war.",
			"above 30%", "people", "", "support", "", "share", "", ""},
		{"a level a change verb reaches counts the verb's subject", "Burglaries in the county dropped to 212 last year.",
			"212", "burglary", "", "", "", "total", "", ""},
		{"'the number of' a change verb's subject counts its 'of' noun", "The number of registered ferries grew by 40 in May.",
			"40", "ferry", "", "", "", "increment", "", ""},
		{"a subject with a preposition is no subject of the change", "The tally of forged permits Europol says is under investigation has grown to 2,915.",
			"2,915", "-", "", "", "", "total", "", ""},
		{"a share after a change's amount and 'or' is the same change", "The ferry firm's stock climbed €0.84, or 3.1 percent, to €27.90.",
			"3.1 percent", "-", "", "", "", "increment", "", ""},
		{"an amount right after a verb of change is the change", "The ferry firm's stock climbed €0.84, or 3.1 percent, to €27.90.",
			"€0.84", "money", "", "", "", "increment", "", ""},
		{"a level a currency rises as high as is no change", "The lat rose as high as $1.42 in early trade.",
			"as high as $1.42", "money", "", "", "", "total", "", ""},
		{"money raised is raised, not a change", "The lifeboat charity raised $2.4 million on Sunday.",
			"$2.4 million", "money", "", "raised", "", "total", "", ""},
		{"a noun before 'up' and a percentage is what changed", "Farm exports held up in spring, with cheese up 4.2% on the year.",
			"4.2%", "-", "", "", "", "increment", "", ""},
		{"a figure based on a study is not stationed there", "That €2.1 billion bill is based on a ministry forecast.",
			"€2.1 billion", "money", "", "", "", "total", "", ""},
		{"suicide bombers are people, not aircraft", "Police said two suicide bombers had rammed a van into the checkpoint.",
			"two", "people", "", "", "", "total", "", ""},
		{"'another' as a subject makes no increment", "One blaze razed a farm. Another has burned about 12,500 hectares of pine.",
			"about 12,500 hectares", "territory", "", "", "", "total", "", ""},
		{"the attacker's demonym does not own the victims", "Four villagers were hurt by Norwegian shelling near the border.",
			"Four", "civilians", "-", "wounded", "-", "total", "", ""},
		{"the victims of an attack with a demonym belong where it struck", "Five people died in a Latvian drone attack on Oslo.",
			"Five", "people", "no", "killed", "", "event", "", ""},
		{"the attacker's demonym is not where its victims died", "Eleven Latvians died in three Norwegian raids on farms by the lake.",
			"Eleven", "people", "lv", "killed", "-", "total", "", ""},
		{"separate attacks are no one event", "Separate raids on two northern villages killed six people on Sunday.",
			"six", "people", "", "killed", "", "total", "", ""},
		{"those who fled a country are its refugees", "By spring some 80,000 people had fled Estonia for the south.",
			"some 80,000", "refugees", "ee", "fled", "", "total", "", ""},
		{"'the country' they fled is the one named before", "Since Norway invaded Latvia in May, more than four million people have fled the country.",
			"more than four million", "refugees", "lv", "fled", "", "total", "", ""},
		{"a share of a vote is its voters' country's", "In Sunday's referendum Latvian voters backed the treaty by 61.2% to 38.8%.",
			"61.2%", "people", "lv", "", "", "share", "", ""},
		{"a number coordinated with a part is a part of the same whole", "The 6,000 sailors include 4,200 from the northern fleet and 1,800 from the south.",
			"1,800", "personnel", "", "", "", "part", "", "6,000"},
		{"a toll that approaches a number counts the dead", "The national toll neared 2,300 by the weekend.",
			"2,300", "people", "", "killed", "", "total", "", ""},
		{"the infected are a fate of their own", "Nine patients have now died of the fever, and another 87 were infected this week, the clinic said.",
			"87", "civilians", "", "infected", "", "increment", "", ""},
		{"a change with nothing named counts no people", "The index jumped 27% in the year.",
			"27%", "", "", "", "", "increment", "", ""},
		{"persona non grata are people", "The ministry declared 40 persona non grata on Monday.",
			"40", "people", "", "expelled", "", "total", "", ""},
		{"a share of a fleet is a share of its ships", "Latvia says it has disabled at least a third of Russia's Baltic fleet.",
			"at least a third", "weapons/ships", "ru", "", "", "share", "", ""},
		{"a rate's level is a rate of what its compound names, with no fate", "The unemployment rate stayed below 4% for two years.",
			"below 4%", "unemployment", "-", "", "", "share", "", ""},
		{"a troop presence counts troops", "Norway's troop presence in Latvia has risen to 969.",
			"969", "personnel", "no", "", "", "total", "", ""},
		{"whose the relative clause's number of people is", "Officials said the daily number of Russian victims, which in April amounted to 899 soldiers, will rise.",
			"899", "personnel", "ru", "", "", "total", "", ""},
		{"people who leave are people, whatever was counted before", "Latvia lost 40 tanks. Tens of thousands have left the country since, the minister said.",
			"Tens of thousands", "people", "", "left", "", "total", "", ""},
		{"people who flee are refugees", "Latvia lost 40 tanks. Hundreds fled the city after the strike.",
			"Hundreds", "refugees", "", "fled", "", "total", "", ""},
		{"states that vote stay states", "More than 140 nations approved the text. Only four voted against it.",
			"four", "states", "", "", "", "total", "", ""},
		{"an army's losses are its dead and wounded", "Latvia has about 7,000 losses so far, the ministry said.",
			"about 7,000", "personnel", "lv", "killed or wounded", "", "total", "", ""},
		{"losses of things are not people", "Latvia has reported losses of 40 tanks.",
			"40", "weapons/vehicles", "", "lost", "", "total", "", ""},
		{"casualties an army suffered are its own", "The Latvian army suffered 300 casualties in the battle.",
			"300", "people", "lv", "killed or wounded", "", "total", "", ""},
		{"who records the dead does not own them", "The United Nations recorded 351 civilians killed in Riga.",
			"351", "civilians", "lv", "killed", "", "total", "", ""},
		{"money a campaign raised", "Berg's campaign raised $5.4 million in the last quarter.",
			"$5.4 million", "money", "", "raised", "", "total", "", ""},
		{"a motion's score: the second number voted against", "The reform bill passed 234-193 in the lower house on Friday.",
			"193", "votes", "", "voted against", "", "total", "", ""},
		{"a contest's score: both numbers received", "In the closed ballot Berg won, 134 to 63, over her rival.",
			"63", "votes", "", "received", "", "total", "", ""},
		{"money an actor will raise to a level is pledged", "Latvia would increase defence spending to 3% of GDP by 2030, the premier said.",
			"3%", "money", "lv", "pledged", "", "share", "", ""},
		{"money an actor pledged to raise is pledged", "The premier pledged to raise defence spending to 3% of GDP by 2030.",
			"3%", "money", "", "pledged", "", "share", "", ""},
		{"forces a place holds are stationed there", "Canada has 2,000 troops in Latvia, and more are coming.",
			"2,000", "personnel", "ca", "stationed", "", "total", "", ""},
		{"a vague number of the dead counts people killed", "The shelling left dozens of dead and hundreds of wounded in Riga.",
			"hundreds", "people", "lv", "wounded", "", "total", "", ""},
		{"odds are a probability, not a share of people", "The mayor said there is a 1 in 3 chance that the bridge will close in May.",
			"1 in 3", "chance", "", "", "", "share", "", ""},
		{"a toll stated as a predicate counts the dead, not what the figure before counts", "Latvia lost 12 tanks near the river. The toll was 75, officials said on Monday.",
			"75", "people", "-", "killed", "", "total", "", ""},
		{"a pronoun subject stands for the noun before it", "Latvia lost 12 tanks near the river. Canada said it will send armoured vehicles in the spring and last week specified these would number 40 to 50.",
			"40 to 50", "weapons/vehicles", "ca", "", "", "total", "", ""},
		{"a bare number's verb read again for what it counts: released people are not delivered", "Police said 20 hostages were detained. Of those, 6 were later released.",
			"6", "hostage", "", "released", "", "part", "", "20"},
		{"a recipient is not what is given", "Lessons from the front are being passed back to the 20,000-strong Latvian army.",
			"20,000-strong", "personnel", "lv", "", "", "total", "", ""},
		{"places troops are deployed in are not deployed", "Norway will deploy special forces in three areas near its border.",
			"three", "area", "no", "", "", "total", "", ""},
		{"a weapon's model name is not whose it is", "The Czech government will supply eight Vampire and Dana howitzers to Latvia.",
			"eight", "weapons/artillery", "cz", "pledged", "lv", "total", "", ""},
		{"a share of a change counts what its in phrase names", "The ministry is tipping an 11 per cent drop in wheat production next year.",
			"11 per cent", "production", "", "", "", "increment", "", ""},
		{"a share of a change counts the noun before the change first", "Officials blamed the blockade for 60% price rises in some regions.",
			"60%", "price", "", "", "", "increment", "", ""},
		{"one in five of a people is a share of people", "One in five Latvians has left the country, the survey found.",
			"One in five", "people", "lv", "leave", "", "share", "", ""},
		{"a share of a plural name that is no place is a share of people", "More than 8 in 10 Democrats are concerned about the war.",
			"More than 8 in 10", "people", "democrats", "", "", "share", "", ""},
		{"troops several states call theirs are no one state's", "Sweden, Finland and Norway said their 300 troops would stay in Latvia.",
			"300", "personnel", "-", "", "", "total", "", ""},
		{"aid several states give together is no one state's", "Norway will give Latvia $90m. Sweden, Finland and Norway said they were allocating $1.5bn in defence goods.",
			"$1.5bn", "money", "-", "pledged", "", "total", "", ""},
		{"others are more of what the figure before counts", "The attack killed one person and injured seven others, officials said.",
			"seven", "people", "", "wounded", "", "event", "", ""},
		{"a state in a gapped list is not what is counted", "Latvia has expelled 45 Belarusian diplomats, Estonia 40 and Finland 35.",
			"40", "diplomat", "by", "expelled", "", "total", "", ""},
		{"believed to have been killed: the complement says what happened", "About 18 people are believed to have been killed in the strike.",
			"About 18", "people", "-", "killed", "", "total", "", ""},
		{"personnel carriers are vehicles, not ships", "Latvia has lost 890 armoured personnel carriers and 12 aircraft carriers.",
			"890", "weapons/vehicles", "lv", "lost", "", "total", "", ""},
		{"nummod, demonym, deployed to", "Officials said Belarus had deployed 4,500 Polish-trained troops, while Norway sent 800 Norwegian soldiers to Latvia.",
			"800", "personnel", "no", "deployed", "lv", "total", "2031-03-12", ""},
		{"of a number is a part", "At least 300 of the 4,000 soldiers sent to the front have been wounded.",
			"At least 300", "personnel", "", "wounded", "", "part", "", "4,000"},
		{"a share of economic output is money", "Denmark will raise defence spending to 2.5 percent of gross domestic product by 2030.",
			"2.5 percent", "money", "dk", "pledged", "", "share", "", ""},
		{"states that vote give nothing of themselves: they voted", "A further 28 Andean states voted to condemn the blockade.",
			"28", "states", "", "voted", "", "increment", "", ""},
		{"people who pass by did so; nothing of them was passed as aid", "Two women pass a poster in Lviv.",
			"Two", "civilians", "ua", "passed", "lviv", "total", "", ""},
		{"a participle and a name before the counted noun", "Ankara will seek the extradition of 33 alleged Kurdish militants from Norway.",
			"33", "personnel", "", "", "", "total", "", ""},
		{"a commodity by the tonne", "Ukraine exported 20 million tonnes of grain in 2030.",
			"20 million tonnes", "grain", "ua", "exported", "", "total", "", ""},
		{"gas by the cubic metre; metres are not met", "Russia pumped 33 million cubic metres of gas a day through the pipe.",
			"33 million cubic metres", "energy", "ru", "pumped", "", "rate", "", ""},
		{"the agent of a passive did what the verb says", "The depot was shelled by 20 Latvian tanks on Sunday.",
			"20", "weapons/vehicles", "", "", "", "total", "", ""},
		{"strikes by which a place was hit were conducted", "The district of Riga hit by four missile strikes on Sunday was targeted before.",
			"four", "strikes", "", "conducted", "", "total", "", ""},
		{"a part that gives up gives nothing", "Within a year, half of the volunteers gave up and went home.",
			"half", "", "", "", "", "share", "", ""},
		{"passing away is dying", "Four Norwegian soldiers passed away in hospital.",
			"Four", "personnel", "no", "killed", "", "total", "", ""},
		{"a word that begins with a fate's stem is not that fate", "Norway fired 20 significant missiles at the depot.",
			"20", "weapons/missiles", "no", "launched", "", "total", "", ""},
		{"a handful is not handed", "A handful of 30 Latvian soldiers stayed behind.",
			"30", "personnel", "lv", "", "", "total", "", ""},
		{"a sentence is not sent", "A man serving three life sentences was moved to Riga.",
			"three", "", "", "", "", "total", "", ""},
		{"battalion tactical groups are units, and units sent are deployed", "Norway has sent more than 10 battalion tactical groups to Latvia.",
			"more than 10", "units", "no", "deployed", "lv", "total", "", ""},
		{"forces put on heightened preparedness are ready", "Berzins put 8,500 Latvian troops on heightened preparedness.",
			"8,500", "personnel", "lv", "ready", "", "total", "", ""},
		{"a share a verb governs is no doing of its own", "Wallace has not spoken about a 2.5% target.",
			"2.5%", "", "", "", "", "share", "", ""},
		{"what people do is said of them", "About 200 people attended the vigil in Riga.",
			"About 200", "people", "", "attended", "", "total", "", ""},
		{"a budget's money is allocated (pledged)", "From next month the army will have an annual budget of €6.8 billion.",
			"€6.8 billion", "money", "", "pledged", "", "total", "", ""},
		{"a named group's fighters are the group's", "The Wagner group's 25,000 fighters marched towards the capital.",
			"25,000", "personnel", "wagner", "marched", "", "total", "", ""},
		{"insurgents are personnel", "About 40 insurgents were killed in the raid, the army said.",
			"About 40", "personnel", "", "killed", "", "event", "", ""},
		{"lawmakers are people", "A letter signed by 63 Latvian lawmakers urged the government to act.",
			"63", "people", "", "", "", "total", "", ""},
		{"wars are events", "Latvia fought two wars against its neighbour in the last century.",
			"two", "events", "", "fought", "", "total", "", ""},
		{"bombs are munitions", "The air force dropped thousands of bombs on the city.",
			"thousands", "weapons/munitions", "", "", "", "total", "", ""},
		{"people are expelled from the state that expels them", "Latvia expelled 45 Belarusian diplomats on Monday.",
			"45", "diplomat", "by", "expelled", "lv", "total", "", ""},
		{"a ministry's state expels", "The Latvian foreign ministry declared 40 persona non grata in the Belarusian embassy on Monday.",
			"40", "people", "by", "expelled", "lv", "total", "", ""},
		{"what is done to people is their fate", "Latvia expelled about 20 people on Monday.",
			"about 20", "people", "", "expelled", "", "total", "", ""},
		{"people in an adjunct neither did nor underwent it", "The mayor spoke to about 200 people in the square in Riga.",
			"about 200", "people", "", "", "", "total", "", ""},
		{"states at a meeting are not met", "The force numbers 40,000, Stoltenberg said before the meeting of the 30-country alliance.",
			"30-country", "states", "", "", "", "total", "", ""},
		{"places are not pledged", "Moscow plans to stage referenda in four regions.",
			"four", "places", "", "", "", "total", "", ""},
		{"a passive with its agent is no agent of the counted thing", "The budget is far below the €6.7 billion requested by the minister.",
			"€6.7 billion", "money", "", "pledged", "", "total", "", ""},
		{"a noun the number modifies is no fate word", "The 2% target was dropped last year.",
			"2%", "", "", "", "", "share", "", ""},
		{"forces placed at high readiness are ready", "About 300,000 troops will be placed at high readiness from next year.",
			"About 300,000", "personnel", "", "ready", "", "total", "", ""},
		{"missiles fired are launched", "Russia fired 40 missiles at Kyiv overnight.",
			"40", "weapons/missiles", "ru", "launched", "", "total", "", ""},
		{"workers fired are not launched", "The firm fired 30 workers in March.",
			"30", "workers", "", "fired", "", "total", "", ""},
		{"a fronted of phrase is the whole; shot down", "Of the 40 drones, 31 were shot down.",
			"31", "weapons/drones", "", "destroyed", "", "part", "", "40"},
		{"a change after an amount is the amount's", "The refiner reported a profit of $12.5 billion for 2030, up 18% from the year before.",
			"18%", "money", "", "", "", "increment", "", ""},
		{"victims in a city take the city's country", "Twelve civilians were killed in Mariupol on Tuesday.",
			"Twelve", "civilians", "ua", "killed", "mariupol", "total", "", ""},
		{"carriers are ships", "Spain operates two aircraft carriers in the Atlantic.",
			"two", "weapons/ships", "", "", "", "total", "", ""},
		{"residents counted are the population", "The town had 9,000 residents before the war.",
			"9,000", "population", "", "", "", "total", "", ""},
		{"residents killed are civilians", "Shelling killed 14 residents of the town.",
			"14", "civilians", "", "killed", "", "total", "", ""},
		{"a weapon after a noun of use", "Norway is sending more than 900 strike and air defence missiles to Kyiv.",
			"more than 900", "weapons/missiles", "no", "pledged", "", "total", "", ""},
		{"a participle after the noun", "Fears grew over the hundreds of civilians trapped in the steel plant.",
			"hundreds", "civilians", "", "trapped", "", "total", "", ""},
		{"including is a part", "More than 600 civilians, including 70 children, are trapped in the plant.",
			"70", "civilians", "", "trapped", "", "part", "", "More than 600"},
		{"a further is an increment to the total", "Sweden will send a further €300m, taking its total to €2.1bn.",
			"€300m", "money", "se", "pledged", "", "increment", "", "€2.1bn"},
		{"per day is a rate", "Ukraine says it is killing about 900 Russian soldiers a day.",
			"about 900", "personnel", "ru", "killed", "", "rate", "", ""},
		{"percent is a share", "Some 70% of Finns support the plan, the poll found.",
			"Some 70%", "people", "fi", "support", "", "share", "", ""},
		{"a noun on the number's own words", "Rockets hit the port, where tens of thousands of Somalis have been killed since the siege began.",
			"tens of thousands", "people", "so", "killed", "", "total", "", ""},
		{"an adjective after the last conjunct", "The policy has left tens of thousands of Serbs and Croats dead after three years of war.",
			"tens of thousands", "people", "", "killed", "", "total", "", ""},
		{"left with an adjective complement", "The blizzard left 70 hikers dead in the pass.",
			"70", "", "", "killed", "", "total", "", ""},
		{"the bodies of", "The bodies of nine villagers were found in a well on Friday.",
			"nine", "", "", "killed", "", "total", "", ""},
		{"murdered is killed", "Four tourists were murdered near the border, police said.",
			"Four", "", "", "killed", "", "total", "", ""},
		{"predicate figure", "The ministry put the death toll at 2,300.",
			"2,300", "", "", "killed", "", "total", "", ""},
		{"fate participle after the number", "The shelling left 40 dead and dozens wounded.",
			"dozens", "people", "", "wounded", "", "total", "", ""},
		{"an organ of a state gives for its state, a vote pledges", "Lawmakers said the Norwegian parliament voted through aid worth $90m to Latvia.",
			"$90m", "money", "no", "pledged", "lv", "total", "", ""},
		{"an office holder's package is the state's", "Zelensky welcomed Macron's signing of a €400m aid package for Kyiv.",
			"€400m", "money", "fr", "pledged", "ua", "total", "", ""},
		{"the subject of a harm is its agent, not the owner", "Belarusian troops killed 12 people in the Latvian town of Daugavpils, officials said.",
			"12", "people", "lv", "killed", "", "total", "", ""},
		{"an event noun's fate", "Analysts expect the deployment of 2,000 Norwegian troops within weeks.",
			"2,000", "personnel", "no", "deployed", "", "total", "", ""},
		{"a counted noun that says what happened", "Kyiv said 40 Belarusian prisoners of war were exchanged on Monday.",
			"40", "personnel", "by", "captured", "", "total", "", ""},
		{"a level after from/to counts the verb's object, not the noun the tree hung it on", "Officials called a plan to shrink the Latvian army from 9,000 to 7,500 reckless.",
			"7,500", "personnel", "lv", "", "", "total", "", ""},
		{"a day name is not what is counted; of the N is a part", "Norway fired 20 drones at the port, and Latvia downed 12 of the 20 launched Friday.",
			"12", "weapons/drones", "no", "destroyed", "", "part", "", "20"},
		{"troop strength counts troops", "Latvia has a wartime troop strength of 61,000.",
			"61,000", "personnel", "", "", "", "total", "", ""},
		{"cut by is an increment", "The ministry will cut the Norwegian navy by nearly 900 sailors.",
			"nearly 900", "personnel", "", "", "", "increment", "", ""},
		{"a forecast in another clause does not date a figure ahead", "Norway massed 12,000 troops on the border, and the drills will end on Sunday.",
			"12,000", "personnel", "no", "deployed", "", "total", "2031-03-12", ""},
		{"a forecast in the figure's clause does", "Officials say Norway will send 3,000 troops to Latvia on Sunday.",
			"3,000", "personnel", "no", "deployed", "lv", "total", "2031-03-16", ""},
		{"aid sent is delivered", "Norway sent Latvia 400 anti-tank missiles last spring.",
			"400", "weapons/missiles", "no", "delivered", "", "total", "", ""},
		{"aid already provided is delivered", "Norway has already provided more than 2,000 rockets to Latvia.",
			"more than 2,000", "weapons/missiles", "no", "delivered", "", "total", "", ""},
		{"aid to be sent is pledged", "Norway will send 300 rockets to Latvia.",
			"300", "weapons/missiles", "no", "pledged", "", "total", "", ""},
		{"aid agreed to be sent is pledged", "Norway agreed to send 31 Abrams to Latvia in May.",
			"31", "", "no", "pledged", "", "total", "", ""},
		{"an event noun over a unit of the counted noun", "Norway announced the stationing of a brigade of 3,000 troops in Latvia.",
			"3,000", "personnel", "no", "stationed", "", "total", "", ""},
		{"deaths of a number of people", "The war caused the deaths of hundreds of thousands of Latvians.",
			"hundreds of thousands", "", "lv", "killed", "", "total", "", ""},
		{"lives claimed are killed", "The blast at the depot claimed 41 lives.",
			"41", "", "", "killed", "", "total", "", ""},
		{"troops amassed are deployed", "Norway has amassed more than 13,000 troops on the Latvian border.",
			"more than 13,000", "personnel", "no", "deployed", "", "total", "", ""},
		{"a country-based force is the country's", "Britain will add 500 UK-based troops to the force in Latvia.",
			"500", "personnel", "gb", "", "", "total", "", ""},
		{"a date after publication is not a figure's time", "No going back to March 2 for the 3,000 displaced families, the mayor said.",
			"3,000", "", "", "displaced", "", "total", "2031-03-02", ""},
		{"a vague count alone in its sentence is parsed; anti-tank missiles are missiles", "Allies have been shipping thousands of anti-tank and anti-aircraft missiles to Riga.",
			"thousands", "weapons/missiles", "", "delivered", "lv", "total", "", ""},
		{"a weapon's target shares the head noun after it", "Norway sent Latvia 1,000 anti-tank and 500 anti-aircraft missiles.",
			"1,000", "weapons/missiles", "no", "delivered", "", "total", "", ""},
		{"up a share on a level is a change", "The museum drew 40,000 visitors a month, up 25% on pre-war numbers.",
			"25%", "", "", "draw", "", "increment", "", ""},
		{"a part of a group named before; the subject of a harm is its agent", "Guards executed 14 of them, the monitors said.",
			"14", "people", "", "killed", "", "part", "", ""},
		{"forces that are somewhere are stationed there", "There are now 4,000 Danish troops in Latvia.",
			"4,000", "personnel", "dk", "stationed", "lv", "total", "", ""},
		{"alliance forces are Nato's when the article names it", "Nato leaders met in Riga on Monday. There are 9,000 alliance troops in Poland.",
			"9,000", "personnel", "nato", "stationed", "pl", "total", "", ""},
		{"his country's troops are the state of the person named", "Volodymyr Zelensky said that 2,100 of his country's reservists had been killed.",
			"2,100", "personnel", "ua", "killed", "", "total", "", ""},
		{"a verb's particle before a number is no change", "Latvian gunners shot down 70 drones.",
			"70", "weapons/drones", "", "destroyed", "", "total", "", ""},
		{"ranks are personnel; later list items share the first one's fate", "The death of four Russian generals, 58 colonels and 176 lieutenant colonels was confirmed.",
			"176", "personnel", "ru", "killed", "", "total", "", ""},
		{"a weapon's model name says what it is and owns nothing", "Norway delivered 14 Leopards and 3 HIMARS to Latvia.",
			"14", "weapons/vehicles", "no", "delivered", "", "total", "", ""},
		{"a share sizing a rise is a change", "Officials reported a 30% rise in recruits.",
			"30%", "", "", "", "", "increment", "", ""},
		// Strike tallies (re3d dev, the CENTCOM releases); sentences
		// written for this test.
		{"strikes are their own class, conducted by who made them", "Coalition aircraft conducted 23 strikes against militants near the port.",
			"23", "strikes", "coalition", "conducted", "", "total", "", ""},
		{"strikes that destroyed something were conducted", "Near the port, five strikes destroyed two Norwegian tanks.",
			"five", "strikes", "", "conducted", "", "total", "", ""},
		{"units a strike engaged were struck", "Near the port, five strikes engaged two Norwegian tactical units.",
			"two", "units", "no", "struck", "", "event", "", ""},
		{"the agent of an act on something else does not undergo it", "During the raid, 16 Norwegian aircraft fired 22 missiles.",
			"16", "weapons/aircraft", "no", "", "", "total", "", ""},
		{"routes and positions are places", "The strikes damaged 39 supply routes and destroyed four fighting positions.",
			"39", "places", "", "damaged", "", "event", "", ""},
		{"a count for one place after a count over places that include it is a part", "Norway conducted 23 strikes in Latvia and Estonia. In Latvia, Norway conducted 15 strikes. Near Riga, 12 strikes destroyed a bridge.",
			"12", "strikes", "no", "conducted", "", "part", "", "15"},
		{"a breakdown may come several sentences later", "Norway conducted 23 strikes in Latvia and Estonia. The weather was poor. In Latvia, Norway conducted 15 strikes.",
			"15", "strikes", "no", "conducted", "", "part", "", "23"},
		{"amounts side by side are no breakdown", "Congress voted through $61bn to Latvia and $14bn to Estonia.",
			"$14bn", "money", "", "pledged", "", "total", "", ""},
		{"strikes that harm are the agent, not what a predicate figure counts", "The attacks left millions without power.",
			"millions", "", "", "", "", "total", "", ""},
		{"victims with no place are the country's where the text last put the events", "Latvian forces closed in on Riga. In the village, three women were shot dead.",
			"three", "civilians", "lv", "killed", "", "total", "", ""},
		{"a verb no fate class names says what became of the thing", "Norway sold 150 drones to Latvia last year.",
			"150", "weapons/drones", "", "sold", "", "total", "", ""},
		{"a negated verb says nothing became of them", "We will not forgive hundreds of victims, the mayor said.",
			"hundreds", "", "", "", "", "total", "", ""},
		{"'shot dead' before the victims is killing", "On Monday, militants shot dead three women from the village.",
			"three", "civilians", "", "killed", "", "total", "", ""},
		{"states that expel diplomats are the agent of the expulsion", "In total 29 states expelled 145 Latvian diplomats.",
			"29", "states", "", "", "", "total", "", ""},
		{"the subject of 'be among N' is a part of N, and shares its fate", "Three members of the Bergen choir were among seven people killed in a plane crash on Friday.",
			"Three", "", "", "killed", "", "part", "", "seven"},
		{"the N of 'be among N' is the whole", "Three members of the Bergen choir were among seven people killed in a plane crash on Friday.",
			"seven", "people", "", "killed", "", "total", "", ""},
		{"a share of a common noun is a share of that, not of people", "The airline will offer extra legroom in one third of its rows.",
			"one third", "row", "", "", "", "share", "", ""},
		{"odds of a chance are a figure", "Analysts gave the party a one-in-three chance of holding the House.",
			"one-in-three", "chance", "", "", "", "share", "", ""},
		{"a leader's forces are the state's", "Kim Jong-un sent 12,000 soldiers to the front.",
			"12,000", "personnel", "kp", "deployed", "", "total", "", ""},
		{"a leader named sentences before, as 'he', holds forces for the state", "President Putin has an intelligence mindset. He is prepared to threaten war. Using coercive diplomacy, he has amassed more than 130,000 troops on the border.",
			"more than 130,000", "personnel", "ru", "deployed", "", "total", "", ""},
		{"a leader's own followers are not the state's", "President Biden met donors. He spoke to his roughly 190 million followers.",
			"roughly 190 million", "", "-", "", "", "total", "", ""},
		{"a force's strength said with 'numbers' counts the force", "Stoltenberg spoke before the meeting of the 30-country alliance. The rapid-reaction Nato Response Force currently numbers up to 40,000.",
			"up to 40,000", "personnel", "", "", "", "total", "", ""},
		{"a share that sizes a noun is that noun's", "The government will slug all imports from Russia with an extra 35% tariff.",
			"35%", "tariff", "", "", "", "share", "", ""},
		{"a share in a rate's 'of' phrase sizes the rate", "It will apply an additional tariff of 35% for all imports.",
			"35%", "tariff", "", "", "", "share", "", ""},
		{"a bare share before a noun the tagger misread is of people", "Asked about the war, 78% talk about the loss of a relative.",
			"78%", "people", "", "", "", "share", "", ""},
		{"a level a count exceeds is no fate of it", "The ministry said the total number of Russian victims currently exceeds 465,000.",
			"465,000", "", "", "", "", "total", "", ""},
		{"a part of a donor's package is the donor's", "Norway has provided $156m in support to Latvia since Russia began its invasion, including $91m in military assistance.",
			"$91m", "money", "no", "delivered", "", "part", "", "$156m"},
		{"a number before a place's preposition counts no place", "By Wednesday the president was talking about 3,000 at bases near the front.",
			"3,000", "-", "", "", "", "total", "", ""},
		{"the victims of an attack on a state are the state's", "The militia attacked Latvia on 3 March, killing 40 people.",
			"40", "people", "lv", "killed", "", "event", "", ""},
		{"the victims of a raid are not the country of another clause's campaign", "The army began its campaign in Latvia after the militia’s March raids, which killed about 40 people.",
			"about 40", "people", "-", "killed", "", "event", "", ""},
		{"the victims of an attack in a city are the city's state's", "The Friday drone attack in Riga killed five people and injured 10 others.",
			"10", "people", "lv", "wounded", "riga", "event", "", ""},
		{"one attack's dead are the event's count, where it struck", "A missile strike on Riga on Friday killed 12 people.",
			"12", "people", "lv", "killed", "riga", "event", "", ""},
		{"the dead of attacks over a span of time are the total", "Norwegian attacks have killed 10,000 civilians in Latvia since February 2029.",
			"10,000", "civilians", "lv", "killed", "", "total", "", ""},
		{"a campaign's dead are the total", "The offensive has killed 38,000 people in Latvia, the ministry said.",
			"38,000", "people", "lv", "killed", "", "total", "", ""},
		{"an incident's dead are one event's", "The incident killed at least 17 people at the depot in April.",
			"at least 17", "people", "", "killed", "", "event", "", ""},
		{"a relative clause after the strike's target tells the strike's toll", "The commander was hit in a strike on a depot in northern Latvia, which killed at least 35 people.",
			"at least 35", "people", "lv", "killed", "", "event", "", ""},
		{"the dead of the last day are an increment of the toll", "Across the region 21 people were killed and 48 injured in the past 24 hours, the health office said.",
			"21", "people", "", "killed", "", "increment", "", ""},
		{"a total a day's losses bring is the total", "Latvia lost 1,010 soldiers in the prior 24 hours, bringing its losses to 58,890.",
			"58,890", "personnel", "lv", "killed or wounded", "", "total", "", ""},
		{"a hyphened hundred is a number, not a compound", "One-hundred mayors backed the proposal.",
			"One-hundred", "", "", "", "", "total", "", ""},
		{"dead beside a deployment is not the deployment's fate", "Norway has deployed 15,000 troops to Latvia, with hundreds already dead.",
			"15,000", "personnel", "no", "deployed", "", "total", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			figs := run(t, tt.text, pub)
			var f *news.Figure
			for i := range figs {
				if figs[i].Text == tt.figure {
					f = &figs[i]
				}
			}
			if f == nil {
				t.Fatalf("no figure %q in %+v", tt.figure, figs)
			}
			ok := func(want, got string) bool { return want == "" || want == "-" && got == "" || got == want }
			if !ok(tt.what, f.What) || !ok(tt.owner, f.Owner) || f.Fate != tt.fate ||
				!ok(tt.place, f.Place) || f.Scope != tt.scope || tt.time != "" && f.Time != tt.time {
				t.Errorf("got what=%q owner=%q fate=%q place=%q scope=%q time=%q, want %q %q %q %q %q %q",
					f.What, f.Owner, f.Fate, f.Place, f.Scope, f.Time, tt.what, tt.owner, tt.fate, tt.place, tt.scope, tt.time)
			}
			if f.Measure != figure.MeasureKey(*f) || f.Label == "" {
				t.Errorf("measure %q, label %q: not built from the fields", f.Measure, f.Label)
			}
			if strings.ContainsAny(f.Label, "0123456789|") {
				t.Errorf("label %q holds a value or a key", f.Label)
			}
			switch {
			case tt.whole == "" && f.Whole != nil:
				t.Errorf("whole %q, want none", figs[*f.Whole].Text)
			case tt.whole != "" && (f.Whole == nil || figs[*f.Whole].Text != tt.whole):
				t.Errorf("whole %v, want %q", f.Whole, tt.whole)
			}
		})
	}
}

// TestTroopsInAPlace: troops named in a place before a number give it no
// owner; troops named with their state do.
func TestTroopsInAPlace(t *testing.T) {
	for text, want := range map[string]string{
		"Officials said 3,000 combat troops in Estonia were on leave. Another 400 soldiers arrived on Monday.":  "",
		"Officials said 3,000 combat troops from Latvia were on leave. Another 400 soldiers arrived on Monday.": "lv",
	} {
		for _, f := range run(t, text, time.Time{}) {
			if f.Text == "400" && f.Owner != want {
				t.Errorf("%q: owner of 400 %q, want %q", text, f.Owner, want)
			}
		}
	}
}

// TestAttackAfterToll checks that a toll whose attack the parse hung
// elsewhere is still that one event's.
func TestAttackAfterToll(t *testing.T) {
	for _, c := range []struct{ text, number, scope string }{
		{"Two villagers were killed and four wounded by a drone strike on a market in Narva.", "Two", news.ScopeEvent},
		{"On Friday, nine people died after a cinema in Tartu was shelled.", "nine", news.ScopeEvent},
		{"Nine people died after the long siege of the town ended.", "Nine", news.ScopeTotal},
		{"More than 5,000 civilians have been killed since the invasion began.", "More than 5,000", news.ScopeTotal},
	} {
		found := false
		for _, f := range run(t, c.text, time.Time{}) {
			if f.Text == c.number {
				found = true
				if f.Scope != c.scope {
					t.Errorf("%q: scope of %s %q, want %q", c.text, f.Text, f.Scope, c.scope)
				}
			}
		}
		if !found {
			t.Errorf("%q: no figure %q", c.text, c.number)
		}
	}
}

// TestOfficersApart checks that officers killed are a measure of their
// own beside the troops killed, and keep the personnel class.
func TestOfficersApart(t *testing.T) {
	text := "Kyiv said at least nine Russian generals had been killed. It said 60,000 Russian soldiers had died."
	keys := map[string]string{}
	for _, f := range run(t, text, time.Time{}) {
		if f.What != "personnel" {
			t.Errorf("%s: what %q, want personnel", f.Text, f.What)
		}
		keys[f.Text] = f.Measure
		if f.Text == "at least nine" && !strings.HasPrefix(f.Label, "officers") {
			t.Errorf("generals labelled %q", f.Label)
		}
	}
	if keys["at least nine"] == "" || keys["at least nine"] == keys["60,000"] {
		t.Errorf("generals and soldiers share the measure %q (%v)", keys["at least nine"], keys)
	}
}

// TestNotFigures checks classes of numbers that are not figures, on
// sentences written for this test (#19 item 2).
func TestNotFigures(t *testing.T) {
	for _, text := range []string{
		"The two countries agreed to talk again.",
		"Despite the dispute, the region's three largest ports still trade grain.",
		"“I was only 14 then,” the mayor recalled.",
		"She was just 19 when she enlisted.",
		"The two most powerful senators met on Monday.",
		"The minister reiterated Latvia's support for a two-state solution and the one-Norway policy.",
		"In March he signed a lease for a small one-bedroom in the east of the city, and she rents a two-bedroom flat.",
		"Last week, the studio announced “Upside Down 2” has become the highest grossing animated film of all time, dethroning the former record holder, 2019’s “Melted 3.”",
		"The Harbour Lions' 31-24 win over the Bay Sharks came late.",
		"\"If our country is attacked, there will be hundreds of thousands of soldiers here,\" the president warned.",
		"The suspect was named as Robert Allen Jr., 56, of Tulsa.",
		"Andrew P. Jackson Jr. pleaded guilty. “I spent what was not mine,” Mr. Jackson, 52, said. He had bought a guitar once owned by Michael Jackson.",
		"No one was ready, and one of the ministers left.",
		"Norway and Latvia have long spied on one another's countries.",
		"One country has invaded another, and nobody can be neutral.",
		"The report gives three reasons for the delay.",
		"The 9,000-ton frigate sailed at dawn.",
		"The border runs for 420 miles.",
		"Talks ran from Oct. 3 and 17 in Geneva.",
		"Sections 4 and 19 of the treaty apply.",
		"He warned of World War Three.",
		"Some feared world war three was near.",
		"A neighbour called 911 at dawn.",
		"The minister met reporters at 10 Downing Street on Monday.",
		"She lives at 22 Baker St. in Riga.",
		"A win could mean splitting the Russian army deployment in Latvia in two via Riga.",
		"He does not believe Berg is ready to return to the pre-February 24 situation.",
		"“I am 100 percent positive he is not a member,” Berg said.",
		"“They took money from its people under one pretense,” he said.",
		"“We are at about a seven or eight out of 10 in intensity. We are not a 10 out of 10,” he said.",
		"The hall stands near ground zero.",
		"Rescuers reached the valley after a 1-in-1,000-year rainfall event flooded it.",
		"Club founder Pat Lee dies at 84.",
		"Al-Karbouly was an Islamist[1] former officer. He died in 2015.[2][3]",
		"Coordinates: 59.173616°N 18.167988°E",
		"Mr. Lewis, now 77, stared straight ahead for a moment.",
		"Years later Ilmars Ozols, then 41, moved to Tartu.",
		"The ex-premier, 66, plans to stand again.",
		"Her age, 71, worried some donors, aides said.",
		"“My aunt turned 102 last week,” Vaino said.",
		"He turns 40 in June.",
		"“Keeping the lights on is budgeting 101,” the mayor said.",
		"The series sat in the channel's Top 10 for a month.",
		"The broader Baltic Exchange’s 300 Index ended higher.",
		"Critics called the envoy two-faced about the deal.",
		"The Latvian crew finished in the top 20 in Sunday's race.",
		"The chief justice, now 69 and about to begin his 20th term, said little.",
		"The outage hit the county's 911 dispatch center.",
		"Funding helps ensure that all contacts to 988 are answered.",
		"4. Appeal for $2.3 billion to help aid teams, Relief Wire, accessed March 1, 2031, <https://relief.example/2031/appeal-2-3-billion>",
		"The senator, 81, retired in May.",
		"The gunman entered rooms 111 and 112 of the school.",
		"The storm's top winds fell from 230 kph to 205 kph.",
		"There were reports of 911 outages in several states.",
		"Dispatchers said 911 operations in Ohio were down for hours.",
		"Callers can still reach 911 from any phone.",
		"He was charged with harming a child under 12.",
		"Children under 12 travel free, and people over 65 pay half.",
		"Children under five make up most of the ward's patients.",
		"The camp took in girls between the ages of nine and 14.",
		"It was a mild 18 C in Riga on Tuesday.",
		"Troops of the 82 Airborne are already in Latvia.",
		"Britain sent troops from 16 Air Assault Brigade.",
		"Released: Rico Lind, 27 or 28, a student from Tartu.",
		"Pavel Orlov (44 or 45) was held at the border.",
		"The regional games are mostly one-site contests.",
		"She beat the holder 6-2 3-6 7-5 in the final.",
		"The home side edged their rivals 3-2 on Sunday.",
		"The agency expects longer wait times for the national 800 phone number.",
		"The club's founder passed away at 91 on Monday.",
		"Ivo Marr, the club's founding coach, dead at 88.",
		"Range| 900 km (claimed, not verified) 14\n\nSpeed| 700 km 15\n\nGuidance| GPS 16",
		"Wingspan| 7 meters 21\n\nThe drone is cheap.",
		"Army staff| Feb 2026| (not disclosed) 19| Not given",
		"The mayors held a one-on-one meeting.",
		"The pilot knows a thing or two about radar.",
		"After 60-odd years the dam gave way.",
		"Prices fell in the second half of March.",
		"Footage came from Latvia's 58 separate motorised infantry brigade.",
		"The 30 X 40 plan was shelved.",
		"In 1792, the empress sent her armies west.",
		"The town burned in 1812 and again since 1941.",
		"In 1795 Catherine divided the country once more.",
		"\"We stayed,\" said Olena Kovalenko, 61, a retired teacher.",
		"Engineers said the Baltic Link 2 pipeline was damaged again.",
		"Critics on Radio 4 doubted the plan.",
		"Latvia has asked to join the “Nine Eyes” network of spy agencies.",
		"Sanctions hit three of Norway's largest banks on Friday.",
		"The pressure pushed these two states together.",
		"The minister told France 3 that talks would go on.",
		"The review will end by 13 rather than 31 May.",
		"The donors meet in Riga on 4-5 July.",
		"The limousine bore the plate \"7•27 0001\" in the footage.",
		"Critics called the ruling one-sided and unfair.",
		"It was no one-off raid on the depot.",
		"The senators opened a three-part inquiry into the sale.",
		"They signed a 12-article accord in Vilnius.",
		"Aides at No 10 denied the report.",
		"The minister backed a one-size-fits-all scheme.",
		"Recruits serve from the age of 18 in the navy.",
		"Students between the ages of 19 and 27 enlist each spring.",
		"Phase two of the offensive began in April.",
		"Its service ceiling is 9,000 m.",
		"The leaders met after 17 o'clock in Riga.",
		"On day 48 of the war, the president spoke in Riga.",
		"Both capitals reject zero-sum games.",
		"We have to work in two directions, he said, and there were two impediments.",
		"Russia seized ground throughout 2025.24 However, analysts disagree.",
		"Volunteers aged 20 to 35 may apply.",
		"She doubted he would go to Oslo if he thought there was a 20% chance of arrest.",
		"The army will not cross unless 300 guards are withdrawn first.",
		"Officials said the line was repaired.\n\n3,000 MORE TROOPS HEAD WEST AS TALKS STALL\n\nTalks resume on Monday.",
		"The Baltic Link 1 and 2 pipelines were shut in May.",
		"Drones that weigh more than 25 pounds need a licence.",
		"On Saturday evening (27.04) the police detained a suspect.",
		"The shooting took place around 17.15 near the station.",
		"Senators resent having to vote on two competing approaches to the budget, one from each party.",
		"Between the two appearances, the president changed his tone.",
		"Finland fought the two wars against the Soviet Union alone.",
		"Anyone with information should call police on 0845 125 2222.",
		"He fired a 12-gauge shotgun and a 45-caliber pistol.",
		"A 6.1-magnitude quake struck the coast.",
		"Oslo made a 180-degree turn on the pipeline.",
		"The bridge can carry 60 tonnes.",
		"The prisoners freed:\n\nAndris Kalnins, 58\n\nKalnins, a former colonel, was serving a life sentence.",
		"The prisoners freed:  Andris Kalnins, 58  Kalnins, a former colonel, was serving a life sentence.",
		"Janis Ozols, 23 and from Riga, has been charged.",
		"The jet dropped a 500-pound bomb on the bridge.",
		"The minister misled MPs (Official Report vol. 705, col. 372).",
		"The report says so on p. 14 and in para 3.",
		"Leaders of the Group of 20 met in Bali.",
		"Region Yes No Yes No West 75 12 72 13 Center 71 16 72 12 South 66 16 69 20",
		"The 6-foot, 200-pound suspect fled on foot.",
		"Ivars Berzins died on Monday in Riga. He was 75.",
		"The mayor, who was 64 when he resigned, led the city for a decade.",
		"Anna Liepa is 42 and lives in Riga.",
		"The fort was built in 430 BC and rebuilt in 1200 AD.",
		"13.44'Many dead' in strike on the port of Ventspils\n\nRescuers are still at work.",
		"Two Latvian officials said the talks had failed.",
		"According to three diplomats, the talks failed.",
		"20.16Parliament votes down the budget\n\nThe vote was close.",
		"The lake warmed to 23°C in August.",
	} {
		if figs := run(t, text, time.Time{}); len(figs) > 0 {
			t.Errorf("%q: figures %q, want none", text, figs[0].Text)
		}
	}
	// The same shapes that are figures.
	for text, want := range map[string]string{
		"On Tuesday 40 soldiers were killed near the river.":                           "40",
		"Latvia said 12 of the 20 drones were shot down.":                              "12",
		"Norway sent two of its newest warships to the Baltic.":                        "two",
		"Germany expelled 40 envoys, France 35 and Spain 25.":                          "35",
		"In 2013, 158 of 650 18-hole courses in 12 states closed and 14 of 30 opened.": "650",
		"Britain sent Ukraine 1,000 anti-tank missiles.":                               "1,000",
		"The 32-nation alliance met in Vilnius.":                                       "32-nation",
		"Kyiv said that Around 200 Russian soldiers had left.":                         "Around 200",
		"The EU is transferring EUR 200 billion Ukraine needs.":                        "EUR 200 billion",
		"If approved, the plan sends 400 engineers to Riga.":                           "400",
		"Tens of thousands, if not 80,000, could flee the city.":                       "80,000",
		"The two soldiers were freed in a swap on Friday.":                             "two",
		"Latvia has expelled 45 Belarusian diplomats.":                                 "45",
		"Three journalists were killed in the strike, two officials told reporters.":   "Three",
	} {
		found := false
		for _, f := range run(t, text, time.Date(2031, 3, 12, 0, 0, 0, 0, time.UTC)) {
			found = found || f.Text == want
		}
		if !found {
			t.Errorf("%q: no figure %q", text, want)
		}
	}
}

// TestSeedTroops checks that the seed reports' North Korean troop figures
// (3,000, 10,000, 12,000, 15,000) fall in one measure: personnel, North
// Korea's, deployed. It skips when ../shared is absent.
func TestSeedTroops(t *testing.T) {
	files, _ := filepath.Glob(sharedtest.Path(t, "seeds", "*.txt"))
	if len(files) == 0 {
		t.Skip("seeds not available")
	}
	want := map[string]bool{"3,000-man": true, "15,000": true, "as many as 12,000": true, "some 10,000": true, "3,000": true, "12,000": true}
	keys := map[string]string{}
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range run(t, string(b), time.Date(2024, 10, 20, 0, 0, 0, 0, time.UTC)) {
			if want[f.Text] && f.What == "personnel" {
				keys[f.Text] = f.Measure
			}
		}
	}
	for text := range want {
		if k := keys[text]; k != "personnel|kp|deployed||total" {
			t.Errorf("%q: measure %q, want personnel|kp|deployed||total", text, k)
		}
	}
}

// TestOfWhichIsPart checks that a number followed by "of which" or "of
// whom" is a part of the whole its relative clause hangs on, not a
// total of its own (#19 item 2). Only scope and whole are checked: the
// fate still comes from the main clause (a known leftover).
func TestOfWhichIsPart(t *testing.T) {
	pub := time.Date(2031, 3, 12, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ text, figure, scope, fate string }{
		{"Norway launched 30 drones at the depot, 12 of which were shot down.", "12", news.ScopePart, "destroyed"},
		{"The convoy carried 50 Latvian soldiers, 12 of whom were wounded.", "12", news.ScopePart, "wounded"},
	} {
		figs := run(t, c.text, pub)
		var f *news.Figure
		for i := range figs {
			if figs[i].Text == c.figure {
				f = &figs[i]
			}
		}
		if f == nil {
			t.Fatalf("%s: no figure %s in %+v", c.text, c.figure, figs)
		}
		if c.scope != "" && f.Scope != c.scope || f.Fate != c.fate {
			t.Errorf("%s: scope %q fate %q, want %q %q", c.text, f.Scope, f.Fate, c.scope, c.fate)
		}
	}
}

// TestOwnersAndEstimators checks, on sentences written for this test,
// whose a figure is (the people a share counts, the country a poll asked
// in, the actor of an event noun) and that the subject of a verb on an
// estimate speaks for the figures the verb states.
func TestOwnersAndEstimators(t *testing.T) {
	pub := time.Date(2031, 3, 12, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ text, figure, owner, speaker string }{
		{"As many as 64% of Latvians believe the war will end this year.", "As many as 64%", "lv", "OUTLET"},
		{"Support for the treaty in Latvia grew from 40 to 55 percent in a month.", "55 percent", "lv", "OUTLET"},
		{"Backing for membership rose to about 50% in Norway and 60% in Latvia, polls suggest.", "60%", "lv", "OUTLET"},
		{"Norway announced the stationing of a brigade of 3,000 troops in Latvia.", "3,000", "no", "Norway"},
		{"Britain will add 500 UK-based troops to the force in Latvia.", "500", "gb", "OUTLET"},
		{"Russia displayed more than 30 pieces of Western-made equipment in Moscow.", "more than 30", "", "OUTLET"},
		{"US officials increased their estimate of the force on the border to 190,000 troops.", "190,000", "", "US officials"},
		{"Latvia put the death toll at 2,300 on Monday.", "2,300", "", "Latvia"},
		{"As for Ivo Sarv, the Riga Herald put his net worth at $45 billion.", "$45 billion", "", "Riga Herald"},
		{"Norway put 400 soldiers at the border.", "400", "no", "OUTLET"},
		{"Forecasters see a 60% chance of a recession next year.", "60%", "", "Forecasters"},
		{"A Riga Herald poll of likely voters shows 23 percent picked Ivo Sarv as their first choice.\n\nSarv is followed in the poll by Senator Anna Berg with 18 percent.", "18 percent", "anna-berg", "Riga Herald poll"},
		{"Former Riga police officer Ivo Sarv faces 29 counts of endangering a child.", "29", "", "OUTLET"},
		{"The death toll rose to 2,300 on Monday.", "2,300", "", "OUTLET"},
		{"Norway put 300 troops on alert.", "300", "no", "OUTLET"},
		{"They raised their estimate to 4,000.", "4,000", "", "OUTLET"},
		{"The US is sending Patriot batteries to Latvia. Its aircraft shot down 70 drones on Sunday.", "70", "", "OUTLET"},
		{"Latvia froze assets worth EUR 200 billion.", "EUR 200 billion", "lv", "OUTLET"},
		{"As Norwegian destroyers watched, 30 cruise missiles were launched at Riga.", "30", "", "OUTLET"},
		{"Latvia's general staff put Russian losses at 300 tanks.", "300", "ru", "Latvia's general staff"},
		{"Last month, 54 percent of surveyed Latvians rejected the plan.", "54 percent", "lv", "OUTLET"},
		{"Latvia's estimate of 5,000 deaths is far lower.", "5,000", "", "Latvia"},
		{"Latvian authorities had put forward a conservative estimate of 5,000 dead in the city.", "5,000", "", "Latvian authorities"},
		{"The estimate of 5,000 deaths is far lower.", "5,000", "", "OUTLET"},
		{"Russia increased the number of troops to 9,000.", "9,000", "ru", "OUTLET"},
		{"Norway will send 40 tanks to Latvia.", "40", "no", "Norway"},
		{"Talks would take “many years,” Latvia’s Europe minister said. “We have to be honest. We lost 40 tanks this spring. It takes time,” Anna Berzina said.", "40", "", "Anna Berzina"},
		{"Talks would be long, the minister said.\n\n\"We have to be honest. We lost 40 tanks this spring. It takes time,\" Anna Berzina said.", "40", "", "Anna Berzina"},
		{"In March, the Riga Herald revealed millions of barrels of fuel were still being imported.", "millions", "", "Riga Herald"},
		{"“We stand together,” said Hans Varis, adding that Norway will send 40 tanks to Latvia.", "40", "no", "Hans Varis"},
		{"Shelling hit 12 villages, the Latvian human rights office said on Tuesday.\n\nIt interviewed hundreds of residents for its report.", "hundreds", "", "Latvian human rights office"},
		{"Shelling hit 12 villages, a source in Riga said.\n\nIt also counted 300 craters near the border.", "300", "", "OUTLET"},
		{"Latvia said the talks had failed. It deployed 300 troops to the border on Friday.", "300", "lv", "OUTLET"},
		{"During the last day 1260 Russian soldiers were killed, Latvia said.", "1260", "ru", "Latvia"},
		{"Allies still lack troops, Ivo Sarv wrote. Since May, for example, Norway's force in Latvia has grown “from 500 to 640”.", "640", "no", "Ivo Sarv"},
		{"Troops are blocking Riga, officials said. The pullback follows “the loss of more than 40% of the tanks” Latvia’s army claims.", "more than 40%", "", "OUTLET"},
		{"His rating rose, according to a Metrix poll. About half of the public – 52% – said they support the plan.", "52%", "", "Metrix poll"},
		{"His rating rose, according to a Metrix poll.\n\nAbout half of the public – 52% – said they support the plan.", "52%", "", "OUTLET"},
		{"Allies still lack troops, Ivo Sarv wrote.\n\nSince May, Norway's force in Latvia has grown “from 500 to 640”.", "640", "no", "OUTLET"},
		{"Allies still lack troops, Ivo Sarv wrote. Since May, Norway’s “rapid” force has grown to 640.", "640", "", "OUTLET"},
		{"The fleet has grown, the institute added. Twenty of its ships were recently “engaged in a large exercise,” it noted.", "Twenty", "", "institute"},
		{"The fleet has grown, Ivo Sarv wrote. Twenty of its ships were recently “engaged in a large exercise” off Riga.", "Twenty", "", "Ivo Sarv"},
		{"The fleet has grown, Ivo Sarv wrote. Twenty of its “special” ships sailed to Riga.", "Twenty", "", "OUTLET"},
		{"Hans Varis decried “hundreds of Russian attacks” on the port.", "hundreds", "ru", "Hans Varis"},
		{"The mayor condemned a \"cowardly\" strike on the market that left 18 dead.", "18", "", "OUTLET"},
		{"Rockets hit the market and killed “dozens” of shoppers, the mayor said later. Shelling went on.", "dozens", "", "mayor"},
		{"Shelling killed “dozens” of shoppers at the market.", "dozens", "", "OUTLET"},
		{"The Riga Institute added that 31% of respondents are more inclined to a truce in exchange for the liberation of all regions.", "31%", "", "Riga Institute"},
		{"As many as 58% of Latvians back the treaty, according to a poll by the Riga Institute.\n\nThe Riga Institute added that 31% of respondents are more inclined to a truce.", "31%", "lv", "Riga Institute"},
		{"Berg called on other Nato countries to meet the 2% of gross domestic product target.", "2%", "nato", "OUTLET"},
		{"Finland wanted closer ties. In 1992 Helsinki bought 64 fighter jets.", "64", "fi", "OUTLET"},
		{"In 1992 Helsinki bought 64 fighter jets.", "64", "", "OUTLET"},
		{"Norway has pledged 40 tanks to Latvia. On Monday Riga was hit by 30 missiles.", "30", "", "OUTLET"},
		{"European countries are spending billions buying tanks from the Norwegians to give to Latvia.", "billions", "europe", "OUTLET"},
		{"Latvia is leaving ground that Russia has failed to capture despite sacrificing tens of thousands of soldiers.", "tens of thousands", "ru", "OUTLET"},
		{"Norway this week offered to commit 1,000 more troops to Latvia.", "1,000", "no", "Norway"},
		{"As many as 58% of Latvians back the treaty, according to a poll by the Riga Institute.\n\nA rival survey by the Tallinn Centre found that 31% of respondents back it.", "31%", "", "Tallinn Centre"},
	} {
		figs := run(t, c.text, pub)
		found := false
		for _, f := range figs {
			if f.Text == c.figure {
				found = true
				if f.Owner != c.owner || f.Speaker != c.speaker {
					t.Errorf("%s: %q owner %q speaker %q, want %q %q", c.text, c.figure, f.Owner, f.Speaker, c.owner, c.speaker)
				}
			}
		}
		if !found {
			t.Errorf("%s: no figure %q in %+v", c.text, c.figure, figs)
		}
	}
}

// TestLoneOne checks that a lone "one" that counts nothing is no figure
// ("In one case", "One man I spoke to"), while a bounded one is ("only
// one tank"), and that a name the number opens owns nothing. Sentences
// written for this test.
func TestLoneOne(t *testing.T) {
	pub := time.Date(2031, 3, 12, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		text, figure string
		want         bool
	}{
		{"In one case, a convoy was stopped at the border.", "one", false},
		{"One man I spoke to predicted that the town would fall.", "One", false},
		{"One jet bombed a school in the south of the city.", "One", false},
		{"One young girl, Mira, tells me that she spends her days indoors.", "One", false},
		{"Only one tank went on display in Oslo.", "one", true},
		{"One soldier was killed in the attack.", "One", true},
	} {
		found := false
		for _, f := range run(t, tc.text, pub) {
			found = found || f.Text == tc.figure || strings.HasSuffix(f.Text, " "+tc.figure)
		}
		if found != tc.want {
			t.Errorf("%q: figure %q found %v, want %v", tc.text, tc.figure, found, tc.want)
		}
	}
	for _, f := range run(t, "Ninety-Four Citizen Airmen departed for Latvia on Sunday.", pub) {
		if strings.Contains(f.Owner, "airmen") {
			t.Errorf("owner %q: the name the number opens owns its own figure", f.Owner)
		}
	}
}

// TestSpansDesignatorsAndAreas checks classes of numbers seen in the
// re3d dev documents, on sentences written for this test: a number
// joined to a duration after it, a designator after an acronym and a
// small number after "the" that names a pair are no figures; an area an
// actor took is ground, the size of a region is not; "members" count
// people, or the states of an alliance.
func TestSpansDesignatorsAndAreas(t *testing.T) {
	pub := time.Date(2031, 3, 12, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		text, figure, what, fate string // what "": no figure; "*": a figure of any class
	}{
		{"The guards waited there for six or seven hours.", "six", "", ""},
		{"The army has advanced over the past 20-plus months.", "20-plus", "", ""},
		{"The frigate joined Task Force (CTF) 50 on Sunday. CTF 50 is led by a Norwegian officer.", "50", "", ""},
		{"The 2 leaders met in Oslo.", "2", "", ""},
		{"Ministers may ditch the 0.5%-plus-inflation target.", "0.5%", "*", ""},
		{"Latvian forces have made progress, retaking more than 18,000 square kilometres of territory.", "more than 18,000 square kilometres", "territory", "captured"},
		{"The fleet is responsible for about 2.5 million square miles of sea.", "about 2.5 million square miles", "", ""},
		{"The militants killed 70 members of a local tribe.", "70", "people", "killed"},
		{"More than 40 members of Nato will meet in Oslo.", "More than 40", "states", ""},
		{"The party is led by Senator Anna Lind of Oslo, 66, who has served since 2005.", "66", "", ""},
		{"The bill passed after the House voted 348-77 to override.", "348", "votes", ""},
		{"Ms. Lind won, 134 to 63, in a secret ballot.", "63", "votes", ""},
	} {
		var got *news.Figure
		figs := run(t, tc.text, pub)
		for i := range figs {
			if figs[i].Text == tc.figure {
				got = &figs[i]
			}
		}
		switch {
		case tc.what == "" && got != nil:
			t.Errorf("%q: %q is a figure (%s), want none", tc.text, tc.figure, got.What)
		case tc.what != "" && got == nil:
			t.Errorf("%q: no figure %q in %+v", tc.text, tc.figure, figs)
		case tc.what != "" && tc.what != "*" && (got.What != tc.what || tc.fate != "" && got.Fate != tc.fate):
			t.Errorf("%q: %q what=%q fate=%q, want %q %q", tc.text, tc.figure, got.What, got.Fate, tc.what, tc.fate)
		}
	}
}

// TestPersonsMoney checks that money a person demands or spends outside
// aid is the person's, while aid a leader pledges is the state's.
// Sentences written for this test.
func TestPersonsMoney(t *testing.T) {
	pub := time.Date(2031, 3, 12, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ text, figure, notOwner string }{
		{"The shutdown was sparked by Donald Trump's demand for $5.7 billion for a wall.", "$5.7 billion", "us"},
		{"Prosecutors say Jesse Jackson used campaign money to buy a $43,350 watch.", "$43,350", "us"},
	} {
		for _, f := range run(t, tc.text, pub) {
			if f.Text == tc.figure && f.Owner == tc.notOwner {
				t.Errorf("%q: owner %q, a person's money is not the state's", tc.text, f.Owner)
			}
		}
	}
	for _, f := range run(t, "Joe Biden pledged $300m in military aid to Latvia.", pub) {
		if f.Text == "$300m" && f.Owner != "us" {
			t.Errorf("a leader's aid: owner %q, want us", f.Owner)
		}
	}
}

// TestUnitTakenOver checks which bare numbers take the unit of the number
// before them: in its sentence, or the next sentence of its paragraph,
// and never one that was itself taken over.
func TestUnitTakenOver(t *testing.T) {
	pub := time.Date(2031, 3, 12, 0, 0, 0, 0, time.UTC)
	text := "The brigade received 40 tanks in May. Officials said 12 arrived damaged. " +
		"The mayor said 300 attended the parade.\n\nCrowds of 5,000 marched. A rally drew 800 more."
	want := map[string]string{"40": "tank", "12": "tank", "300": "", "800": ""}
	for _, f := range run(t, text, pub) {
		if u, ok := want[f.Text]; ok {
			if f.Unit != u {
				t.Errorf("%s: unit %q, want %q", f.Text, f.Unit, u)
			}
			delete(want, f.Text)
		}
	}
	if len(want) > 0 {
		t.Errorf("not found as figures: %v", want)
	}
}

// TestBareNumberAcrossParagraphs checks that a number with nothing
// counted continues the measure of the number before it within its
// paragraph, and past a paragraph break only a measure of a known class.
func TestBareNumberAcrossParagraphs(t *testing.T) {
	pub := time.Date(2031, 3, 12, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ text, figure, what string }{
		{"The club ordered 40 kayaks. By May it held 55.", "55", "kayak"},
		{"The club ordered 40 kayaks.\n\nBy June it had 969.", "969", ""},
		{"The ministry said 160 more people were infected.\n\nThe Riga Harbour Index rose to 61.7 in March.", "61.7", ""},
		{"Some 64% of Latvians back the plan.\n\nThe absolute majority - 87% - reject concessions.", "87%", "people"},
	} {
		if f, ok := figureIn(t, c.text, c.figure, pub); ok && f.What != c.what {
			t.Errorf("%q: %s is %q, want %q", c.text, c.figure, f.What, c.what)
		}
	}
}

// figureIn runs the pipeline on text and returns its figure written as
// figure, reporting an error when there is none.
func figureIn(t *testing.T, text, figure string, pub time.Time) (news.Figure, bool) {
	t.Helper()
	for _, f := range run(t, text, pub) {
		if f.Text == figure {
			return f, true
		}
	}
	t.Errorf("%q: no figure %q", text, figure)
	return news.Figure{}, false
}

func TestVoteFates(t *testing.T) {
	for event, want := range map[string]string{
		"voted against":               "voted against",
		"voted to override":           "voted for",
		"voted in favour":             "voted for",
		"received":                    "received",
		"voted":                       "pledged", // an aid vote ("Congress voted $40bn")
		"voted to join the EU policy": "voted for",
		"killed or wounded":           "killed or wounded",
	} {
		if got := figure.NormalizeFate(event, ""); got != want {
			t.Errorf("NormalizeFate(%q) = %q, want %q", event, got, want)
		}
	}
}

// TestKeyFate checks that a measure is known by its fate class, a share
// by its question, and a count of people, troops, weapons or money never
// by a verb no class names (two reports that put one count under
// different verbs share a measure); a thing outside those classes keeps
// its verb (flights canceled are not flights delayed).
func TestKeyFate(t *testing.T) {
	for _, c := range []struct{ fate, what, scope, want string }{
		{"sold", "weapons/drones", news.ScopeTotal, ""},
		{"attended", "people", news.ScopeTotal, ""},
		{"killed", "people", news.ScopeTotal, "killed"},
		{"stationed", "personnel", news.ScopeTotal, "deployed"},
		{"support", "people", news.ScopeShare, "support"},
		{"canceled", "flight", news.ScopeTotal, "canceled"},
		{"", "people", news.ScopeTotal, ""},
	} {
		if got := figure.KeyFate(c.fate, c.what, c.scope); got != c.want {
			t.Errorf("KeyFate(%q, %q, %q) = %q, want %q", c.fate, c.what, c.scope, got, c.want)
		}
	}
	sold := news.Figure{What: "weapons/drones", Owner: "no", Fate: "sold", Scope: news.ScopeTotal}
	bought := sold
	bought.Fate = "bought"
	if figure.MeasureKey(sold) != figure.MeasureKey(bought) {
		t.Errorf("one count under two verbs has two keys: %q, %q", figure.MeasureKey(sold), figure.MeasureKey(bought))
	}
}

// TestFigureSpeakers checks who a figure is credited to through the
// whole pipeline, on sentences written for this test.
func TestFigureSpeakers(t *testing.T) {
	pub := time.Date(2031, 3, 12, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct{ text, figure, speaker string }{
		// A reduced passive on a name is a hedge, not a speaker.
		{"The Birch Hill Fire, believed to be the work of an arsonist, forced hundreds to leave their farms.", "hundreds", "OUTLET"},
		// A name after a plural noun it does not head speaks in a
		// relative clause.
		{"The number of forged permits Europol says is under investigation has grown to 2,915.", "2,915", "Europol"},
		// "top" before a count with its noun is no rank: the figure
		// stays.
		{"The board tied bonuses for its top 600 or so managers to sales, the firm said.", "600", "firm"},
		// "followed in the poll by" a candidate names a result, not the
		// pollster.
		// A vote's tally is no estimate of its subject's.
		{"Judge Ilse Marr had a tally of 61-2 when the senate confirmed her.", "61", "OUTLET"},
		{"Judge Ilse Marr had a tally of 61 votes when the senate confirmed her.", "61", "OUTLET"},
		{"A new Daily Ledger poll of likely voters shows 31 percent back Ada Lind. Lind is followed in the poll by Senator Rhea Olin with 18 percent, and Mayor Otto Berg with 9 percent.", "18 percent", "Daily Ledger poll"},
	} {
		if f, ok := figureIn(t, c.text, c.figure, pub); ok && f.Speaker != c.speaker {
			t.Errorf("%q: %s spoken by %q, want %q", c.text, c.figure, f.Speaker, c.speaker)
		}
	}
}
