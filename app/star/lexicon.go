package star

import (
	"strings"
	"sync"
)

// Word flags. A token carries the union of the flags of its normalized form.
const (
	fSubjI      uint64 = 1 << iota // i, i'm, i've, i'd, i'll
	fFPS                           // me, my, myself, mine
	fWe                            // we, we're, we've, we'd, we'll
	fFPP                           // us, our, ours, ourselves
	fSubjOther                     // he, she, they, it, this, someone ...
	fPerson3                       // he, she, they, him, her, them, his, their
	fRole                          // nouns for people at work: manager, client ...
	fWork                          // nouns for the setting: company, project, deadline ...
	fFunc                          // English function words (for the gibberish check)
	fPast                          // irregular simple past (and forms equal to it)
	fPart                          // irregular past participle
	fStative                       // past verbs of state, not action: was, felt, wanted ...
	fDiscover                      // past verbs of finding out: noticed, realised ...
	fModal                         // would, will, should, can ...
	fHabit                         // usually, always, typically ...
	fAdv                           // adverbs that may sit between subject and verb
	fNeg                           // not, never, no, nobody, -n't ...
	fOutcome                       // past verbs that report an outcome: reduced, saved ...
	fEval                          // words that judge an outcome: successful, happy ...
	fNumWord                       // two, dozen, hundred, twice ...
	fUnit                          // minutes, days, percent, dollars, customers ...
	fConj                          // clause openers: and, but, so, then, which ...
	fLabel                         // situation, task, action, result (as headings)
	fVague                         // things, stuff, somehow, various ...
	fHedge                         // basically, um, uh ...
	fDisp                          // disparaging adjectives, mild
	fDispStrong                    // disparaging adjectives, strong
	fTime                          // ago, yesterday, recently, month and day names ...
	fAgain                         // again, since, anymore (guards denial)
	fPresent                       // am, is, are, have, has, do, does (present auxiliaries)
	fBeforeAdj                     // determiners that make "kind of" literal: this, what ...
	fSeq                           // first, then, next, finally, immediately ...
	fPastBe                        // was, were
	fTrouble                       // wrong, mistake, error, accidentally ...
	fPoss                          // possessive of a noun (client's), set by the tokenizer
	fNumber                        // a numeral, set by the tokenizer
	fYear                          // a numeral that looks like a year, set by the tokenizer
)

// entry is the lexicon record of one normalized word.
type entry struct {
	f     uint64
	canon string // non-empty: the word is an alias (dont -> don't)
}

// lexicon maps a normalized word to its flags, and phrases maps the first
// word of a phrase to its index. Both are built by loadTables on the first
// Analyze, not at start-up (the app starts faster when no answer is being
// read yet), and never modified afterwards.
var (
	lexicon       map[string]entry
	phrases       map[string]*phraseIndex
	irregularPast map[string]string // go → went, for retelling a story in the past
	simplePastOf  map[string]string // taken → took, likewise
	tablesOnce    sync.Once
)

// loadTables builds the lexicon and the phrase index once.
func loadTables() {
	tablesOnce.Do(func() {
		lexicon = buildLexicon()
		phrases = buildPhrases()
		buildVerbSets()
		buildTopicStop()
		irregularPast = pairs(irregularVerbs)
		simplePastOf = pairs(participles)
	})
}

func buildLexicon() map[string]entry {
	m := make(map[string]entry, 2048)
	add := func(f uint64, words string) {
		for _, w := range strings.Fields(words) {
			e := m[w]
			e.f |= f
			m[w] = e
		}
	}
	add(fSubjI, "i i'm i've i'd i'll")
	add(fFPS, "me my myself mine")
	add(fWe, "we we're we've we'd we'll")
	add(fFPP, "us our ours ourselves")
	add(fSubjOther, "he she they it this that there someone somebody everyone everybody nobody who he's she's they're they've they'd he'd she'd it's there's that's")
	add(fPerson3, "he she they him her them his their theirs he's she's they're they've they'd he'd she'd himself herself themselves")
	add(fRole, `manager managers boss bosses colleague colleagues coworker coworkers co-worker teammate teammates
		client clients customer customers stakeholder stakeholders director directors supervisor supervisors
		lead leads team teams vendor vendors supplier suppliers developer developers engineer engineers intern interns
		employee employees staff partner partners peer peers contractor contractors executive executives ceo cto cfo vp
		owner owners user users patient patients student students teacher teacher's nurse nurses doctor doctors
		member members department management leadership designer designers analyst analysts officer head founder
		report reports hire hires trainee trainees agent agents coordinator recruiter sponsor product`)
	add(fWork, `company firm organisation organization business startup agency team project projects deadline deadlines
		meeting meetings report launch release product products sales budget store shop shift department office
		client customer account accounts contract proposal presentation campaign system systems migration deployment
		service services release code feature features database server website app site quarter order orders
		invoice invoices warehouse restaurant hospital clinic ward school class classroom plan schedule process
		pipeline audit event conference team's role job position internship store's branch site shipment delivery
		rollout roadmap sprint backlog ticket tickets incident outage bug bugs spreadsheet dashboard data analysis`)
	add(fFunc, `the a an and or but of to in on at by for with from as is was were be been are am it its this that
		these those i me my we us our you your he him his she her they them their not no so if then than there
		which who what when where how do did does have has had will would can could should may might must
		about into over after before because while also just very all any some each every more most other such
		only own same too up out down off again once here why both few nor yet until since during through`)
	add(fPast, `became began bent bet bit bled blew broke bred brought built burnt bought caught chose clung came cost
		crept cut dealt dug did drew drank drove ate fell fed felt fought found fled flew forbade forgot forgave
		froze got gave went ground grew hung had heard hid hit held hurt kept knelt knew laid led leapt learnt left
		lent let lay lit lost made meant met mistook overcame overheard oversaw overtook paid put quit read rebuilt
		redid remade rewrote rethought rode rang rose ran said saw sought sold sent set shook shone shot shrank shut
		sang sank sat slept slid spoke sped spent spun split spread sprang stood stole stuck stung struck strove swore
		swept swam swung took taught tore told thought threw understood undertook undid upheld woke wore won withdrew
		wrote spelt spilt dreamt smelt was were misread misheard misled mislaid foresaw forecast broadcast withheld
		wound wove wept bore bound stank outgrew outran overdid overslept overrode overran underwent upset beat
		sent resent reset rerun reran offset input output`)
	add(fPart, `been done gone taken given written spoken chosen broken forgotten driven known shown seen grown drawn
		thrown flown risen begun run eaten fallen hidden ridden stolen sworn torn worn woken frozen beaten bitten
		proven shaken mistaken overseen undertaken withdrawn forgiven gotten made built sent told found kept left
		lost paid put said set sold spent taught thought brought bought caught led met read held heard understood
		won cut let hit hurt quit shut spread split dealt felt meant fed had got rewritten redone overtaken overcome
		become come`)
	add(fStative, `was were had felt thought knew wanted needed seemed hoped believed liked loved hated wished expected
		assumed worried feared meant looked sounded appeared remained stayed became preferred enjoyed cared lacked
		belonged depended wondered owned knew struggled panicked froze doubted trusted cost`)
	add(fDiscover, `realized realised noticed discovered found spotted saw caught learned learnt heard recognized
		recognised understood figured`)
	add(fModal, "would will should can could might may must shall i'd i'll we'd we'll won't wouldn't shouldn't can't couldn't 'd 'll")
	add(fHabit, "usually typically generally normally always often tend tends sometimes rarely frequently")
	add(fAdv, `then also just immediately quickly first finally eventually really actually personally still even already
		soon later again carefully promptly directly simply only never not always usually typically generally
		normally often sometimes rarely frequently instantly swiftly calmly politely clearly gently quietly
		initially originally subsequently next afterwards afterward together myself ourselves both all each
		honestly basically literally definitely certainly obviously naturally right straight now`)
	add(fNeg, `not never no nobody nothing none neither nor without hardly rarely barely can't couldn't don't
		doesn't didn't wasn't weren't isn't aren't haven't hasn't hadn't won't wouldn't shouldn't n't cannot`)
	add(fOutcome, `reduced increased improved saved grew doubled tripled quadrupled halved dropped decreased rose
		boosted exceeded won signed renewed retained recovered resolved delivered launched shipped finished
		completed achieved gained earned landed secured avoided prevented eliminated shortened passed stopped
		disappeared vanished
		lowered lifted expanded generated attracted converted regained restored stabilized stabilised
		praised thanked promoted recognized recognised rewarded awarded adopted approved accepted trimmed
		slashed surpassed topped outperformed recouped rescued salvaged succeeded averted minimised minimized
		maximised maximized reached`)
	add(fEval, `successful successfully success happy happier satisfied pleased delighted relieved grateful impressed
		thrilled smoothly smooth zero stable record best highest lowest fewer faster cheaper better positive
		glowing thankful praise compliment compliments kudos promotion bonus award renewal loyal calmer calm
		resolved fixed solved stronger improvement gratitude appreciated appreciation trust recommended referral
		referrals fine safe`)
	add(fNumWord, `zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
		seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand
		thousands million millions billion billions dozen dozens half double twice triple percent quarter none third thirds doubled tripled halved quadrupled cent`)
	add(fUnit, `second seconds minute minutes hour hours day days week weeks month months year years percent dollars
		euros pounds people customers users clients tickets calls orders complaints errors bugs sales points
		patients students staff members hires visits sessions accounts leads deals k m bn hrs mins`)
	add(fConj, "and but so then which because until after before while when although though whereas where once since")
	add(fLabel, "s t a r situation task action actions result results outcome outcomes lesson lessons context background learning learnings reflection star")
	add(fVague, "things stuff something somehow various everything everyone anything whatever lots etc certain stuff thing")
	add(fHedge, "basically um umm uh uhh er erm hmm literally")
	add(fDisp, `rude unreasonable sloppy unprofessional toxic arrogant annoying selfish negligent irresponsible
		dishonest disorganized disorganised unhelpful unresponsive clueless`)
	add(fDispStrong, "incompetent useless lazy idiot idiots stupid moron morons hopeless dumb pathetic worthless inept clueless")
	add(fTime, `ago yesterday recently previously formerly earlier once january february march april june july august
		september october november december monday tuesday wednesday thursday friday saturday sunday summer winter
		spring autumn fall morning afternoon evening weekend`)
	add(fAgain, "again since anymore twice repeat repeated recur recurred recurring")
	add(fPresent, "am is are have has do does i'm we're they're he's she's it's i've we've they've")
	add(fBeforeAdj, "this that what the a an any some every these those same which one no all")
	add(fSeq, "first then next finally immediately afterwards afterward eventually subsequently straight")
	add(fPastBe, "was were")
	add(fTrouble, "wrong mistake mistakes error errors accidentally mistakenly incorrect incorrectly typo")

	alias := func(from, to string) { m[from] = entry{f: m[to].f, canon: to} }
	for _, p := range [][2]string{
		{"im", "i'm"}, {"ive", "i've"}, {"dont", "don't"}, {"didnt", "didn't"}, {"cant", "can't"},
		{"cannot", "can't"}, {"couldnt", "couldn't"}, {"wouldnt", "wouldn't"}, {"shouldnt", "shouldn't"},
		{"wasnt", "wasn't"}, {"werent", "weren't"}, {"isnt", "isn't"}, {"arent", "aren't"}, {"havent", "haven't"},
		{"hasnt", "hasn't"}, {"hadnt", "hadn't"}, {"doesnt", "doesn't"}, {"wont", "won't"}, {"itll", "it'll"},
		{"thats", "that's"}, {"theres", "there's"}, {"weve", "we've"}, {"theyre", "they're"},
		{"learnt", "learned"}, {"realised", "realized"}, {"apologised", "apologized"}, {"organised", "organized"},
		{"prioritised", "prioritized"}, {"recognised", "recognized"}, {"minimised", "minimized"},
		{"co-worker", "coworker"}, {"co-workers", "coworkers"},
	} {
		alias(p[0], p[1])
	}
	return m
}

// Phrase categories.
const (
	pSit        = iota // context and time
	pTask              // responsibility, goal
	pResult            // outcome markers
	pLesson            // lesson learned, change made
	pLessonWeak        // present habits that read as a lesson after a story
	pPrevent           // a change so it does not recur
	pOwn               // owning a mistake
	pBlame             // others or circumstance as the cause
	pDenial            // claiming never to have erred
	pHedge             // unambiguous hedges and fillers
	pVague             // generic, self-describing talk
	pHypo              // hypothetical framing
	pSeq               // sequencing of actions
	nCat
)

// A phrase is a sequence of word patterns. A pattern is a literal word, a
// literal prefix ending in '*', or a class in angle brackets.
type phrase struct {
	words  []string
	cat    uint8
	weight float32
	// notI: the phrase only counts when the clause's subject is not the
	// speaker (blame that the speaker directs at others).
	notI bool
}

// phraseIndex holds the phrases that start with one word: one-word phrases,
// and longer ones keyed by their second word (a literal or a class such as
// "<role>").
type phraseIndex struct {
	single []phrase
	next   map[string][]phrase
}

func buildPhrases() map[string]*phraseIndex {
	m := make(map[string]*phraseIndex, 512)
	add := func(cat uint8, w float32, notI bool, list string) {
		for _, p := range strings.Split(list, "|") {
			p = strings.TrimSpace(p)
			if p == "" {
				continue
			}
			ws := strings.Fields(strings.ReplaceAll(p, "-", " "))
			if strings.HasSuffix(ws[0], "*") || len(ws) > 1 && strings.HasSuffix(ws[1], "*") {
				panic("star: phrase with a prefix pattern in its first two words: " + p)
			}
			idx := m[ws[0]]
			if idx == nil {
				idx = &phraseIndex{next: map[string][]phrase{}}
				m[ws[0]] = idx
			}
			ph := phrase{words: ws, cat: cat, weight: w, notI: notI}
			if len(ws) == 1 {
				idx.single = append(idx.single, ph)
			} else {
				idx.next[ws[1]] = append(idx.next[ws[1]], ph)
			}
		}
	}

	// Situation: when and where the story happens.
	add(pSit, 1, false, `last year|last month|last week|last summer|last winter|last spring|last autumn|last quarter|
		last fall|last semester|last term|at my previous|at my last|at my old|at my first|at my current|at my former|
		in my previous|in my last|in my first|in my current|in my old|in my former|in my role|in my second|
		in my third|at the time|back then|back in|one day|one time|a while back|a while ago|early in my career|
		when i was|when i worked|when i started|when i joined|while i was|while working|whilst working|
		i was working|i worked as|i worked at|i worked in|i worked for|i used to work|i was leading|i was managing|
		i was running|i was part of|i was on|i was the|i was a|i was an|i joined|i had just|we were working|
		we were preparing|we were running|there was a|there was an|there were|we had a|we had an|my first week|
		my first month|my first year|a few years|a few months|a few weeks|a couple of years|a couple of months|
		during my|during the|during a|i remember a|i remember when|one example|a good example|an example|
		this was when|this was at|this happened|we were a|our team was|the team was|the company was|
		a couple of weeks|<year>|i was hired|i had been|we had been|in the middle of`)
	// Task: what the speaker was responsible for or had to achieve.
	add(pTask, 2, false, `my job was|my job is|my role was|my task was|my responsibility was|my goal was|my aim was|
		my objective was|my priority was|my assignment was|my mandate was|my brief was|i was responsible|
		i was in charge|i was asked to|i was tasked|i was assigned|i was expected|i was supposed to|
		i was meant to|i'd been asked|i had been asked|i'd been tasked|i had been tasked|it was my job|
		it was my responsibility|it was up to me|it fell to me|fell to me|asked me to|wanted me to|needed me to|
		tasked me|assigned me|put me in charge|made me responsible|gave me the job|handed me|i owned the|
		i was the owner|i was accountable|i took ownership|i was the one|it was on me to|i volunteered to|i offered to|i was brought in|
		my part was|the goal was|our goal was|the aim was|our aim was|the objective was|our objective was|
		the task was|my job|my role|my task|my responsibility|my goal|my objective|responsible for|
		in charge of|accountable for|the challenge was to|my challenge was|the challenge for me was|
		set myself the target|set myself a target|set myself the goal|set myself a goal|set ourselves the target|
		set ourselves a target|set ourselves the goal|set ourselves a goal|the brief was|the ask was|
		i was given the job|i was given the task`)
	add(pTask, 1.2, false, `i had to|i needed to|i'd need to|we needed to|we had to|the challenge was|the problem was|
		the issue was|needed to be|had to be|i wanted to make sure|i wanted to|make sure|in order to|so that we|
		so that i|the deadline|a deadline|our deadline|my deadline|the target|our target|the plan was|
		i was determined|i decided to|i set out to|i aimed to|i had two|i had three|i had a week|i had a day|
		i had only|we had only|we had two|we had three|we had a week|we had until|i had until|by friday|
		by monday|by the end of|it was critical|it was important|was at stake|at risk`)
	// Result: what changed.
	add(pResult, 1.8, false, `as a result|the result was|the result|the results|the outcome|in the end|at the end of|
		by the end|ended up|end result|which meant|this meant|that meant|it meant|resulted in|which led to|
		this led to|that led to|led to a|led to an|because of this|because of that|thanks to this|
		ultimately|in total|all in all|overall|on time|ahead of schedule|ahead of time|under budget|on budget|
		within budget|went live|back on track|back to normal|paid off|it worked|that worked|this worked|
		turned around|no longer|for the first time|to this day|still uses|still use|is still|are still|
		went from|dropped from|rose from|fell from|down from|up from|went down|went up|came back|
		thanked me|praised|was promoted|got promoted|were promoted|i was recognized|the feedback was|the feedback i got|the feedback we got|
		got back to me|signed off|signed the|renewed|stayed with us|stayed on|we hit|we met|
		we delivered|we launched|we shipped|we finished|we won|we saved|we reduced|we cut|we closed|we got|
		we managed|i managed to|we managed to|we were able|i was able|succeeded in|in the following|
		the next quarter|the following quarter|the following month|the next month|the following year|
		a week later|a month later|two weeks later|weeks later|months later|days later|by the time|
		from then on|the client was|the customer was|the customer left|the client left|everyone was|
		the team was able|delivered|was delivered|was completed|was finished|was resolved|was fixed|was solved|
		was launched|was approved|was accepted|was signed|was back|were back|no complaints|zero complaints|
		never happened again|hasn't happened|has not happened|haven't had|have not had|not a single|
		without a single|with no errors|with zero|not one|instead of <num>|instead of about|instead of around|
		compared to|compared with|from <num>|to none|to zero|down to|more than before|less than before|
		hit <num>|hit the target|hit our target|hit the goal|hit our goal|met the target|met our target|
		met the deadline|met our deadline|beat the target|beat our target|exceeded the target|next sprint|
		next quarter|next month|next year|the following week|ended the quarter with|ended the year with|
		ended the month with|finished the quarter with|finished the year with|hit every target|met every target|
		hit every deadline|met every deadline|hit every monthly|met every monthly|hit every weekly|met every weekly|
		hit all our targets|met all our targets|hit all my targets|met all my targets|met all our deadlines|
		met all my deadlines|hit my targets|met my targets|hit our targets|met our targets|for <pct> of|
		i've hit|i have hit|we've hit|we have hit`)
	// Lesson: what the speaker learned or changed.
	add(pLesson, 2.2, false, `i learned|i've learned|i have learned|learned from|learned to|learned how|
		learned a|learned the|learned that|it taught me|taught me|the lesson|a lesson|my lesson|lesson learned|
		lessons learned|the biggest lesson|since then|ever since|since that|since this|from then on|from that point|from that day|
		going forward|moving forward|next time|in the future|in future|the takeaway|my takeaway|took away|
		i took from|what i took|made me realize|made me realise|made me more|it made me|reminded me|
		it showed me|showed me that|i've since|i have since|i've started|i have started|i've changed|
		i have changed|i've become|i have become|i'd do differently|i would do differently|what i'd change|
		what i would change|if i did it again|if i had to do it again|if i could do it again|looking back|
		in hindsight|in retrospect|i should have|i wish i had|i wish i'd|i changed how|i changed the way|
		i changed my|i now know|i know now|i understand now|it was a lesson|the experience taught|
		that mistake again|the same mistake again|made that mistake|never again|that again`)
	add(pLessonWeak, 1, false, `these days|nowadays|now i|i now|today i|i'm much more|i am much more|i'm more careful|
		i am more careful|i became more|i'm now|i am now|i always|i never|i make sure|i try to|i still|
		i realized that|i realised that|i understood that|i could have|i carry|i apply|that experience|
		this experience|the importance of|the value of|i make a point|i always make a point|i'm careful to|
		i am careful to|i now make|i've made it|i have made it`)
	add(pPrevent, 1, false, `doesn't happen again|does not happen again|didn't happen again|did not happen again|
		never happened again|hasn't happened again|has not happened again|hasn't happened since|
		has not happened since|won't happen again|happen again|from happening again|to prevent|prevent it|
		prevent this|prevent that|prevent the|prevent a|prevents|avoid it|avoid this|avoid that|avoid a repeat|
		checklist|checklists|double-check|double check|double checking|double-checking|safeguard|safeguards|
		guardrail|guardrails|new process|a process|the process|a template|a rule|new rule|a habit|
		an alert|an automated|automated check|automated test|automated tests|a test for|a review step|
		a second pair|peer review|sign-off|sign off|a reminder|reminders|so it never|so that it never|
		root cause|post-mortem|postmortem|retrospective|so the same|the same mistake|same mistake|at why|
		into why|out why|what went wrong|how it happened|the root|required step|standard step|every time`)
	// Owning a mistake.
	add(pOwn, 1, false, `my mistake|my fault|my error|my oversight|my responsibility|i made a mistake|i made an error|
		i made the mistake|i messed up|i screwed up|i slipped up|i got it wrong|i was wrong|i'd made|i had made|
		i should have|i shouldn't have|i forgot|i missed|i overlooked|i misread|i misunderstood|i misjudged|
		i underestimated|i overestimated|i overcommitted|i didn't check|i did not check|i didn't double|
		i didn't test|i didn't ask|i didn't realize|i failed to|i took responsibility|i took full|
		i take responsibility|i took ownership|i owned up|i owned it|i admitted|i apologized|i apologised|
		i was to blame|i dropped the ball|that was on me|it was on me|on me|i hold myself|i told my manager|
		i told my boss|i flagged it|i came clean|i raised it|i own|without checking|without double checking|
		without testing|without reading|without asking|without confirming|i skipped|i assumed|i had assumed|
		i'd assumed|what i'd done|what i had done|without noticing|without realizing|without realising|i owned that|i was careless|i rushed|my own fault`)
	// Blame: others or circumstances as the cause. Weight 2 is enough alone.
	add(pBlame, 2, false, `not my fault|wasn't my fault|was not my fault|isn't my fault|is not my fault|
		not really my fault|it wasn't me|it was not me|wasn't me|i wasn't the one|i was not the one|
		out of my control|beyond my control|outside my control|out of my hands|outside of my control|
		nothing i could do|nothing i could have done|nothing more i could|nothing else i could|
		i did my part|i did everything right|i did nothing wrong|i'd done my part|i had done my part|
		wasn't my responsibility|not my responsibility|wasn't my job|not my job|no one told me|nobody told me|
		no one told us|nobody told us|i was never told|i wasn't told|i was not told|no one warned|nobody warned|
		under the bus|took it out on|take it out on|taking it out on|set me up to fail|set up to fail|someone else's fault|someone else's|everyone else's fault|
		<poss3> fault|<poss3> own fault|fault of|was on them|was on him|was on her|done their job|done his job|done her job|their mistake|his mistake|her mistake|their error|their errors|
		didn't do their job|didn't do his job|didn't do her job|not doing their job|not doing his job|
		not doing her job|pull their weight|pull his weight|pull her weight|pulling their weight|
		pulling his weight|pulling her weight|couldn't be bothered|never bothered|gave me the wrong|
		gave me wrong|gave us the wrong|gave us wrong|wasn't in my hands|wasn't really in my hands|not in my hands|
		not really in my hands|poor management|bad management|poor leadership|bad leadership|
		terrible manager|bad manager|bad boss|terrible boss|made it impossible|if they had|if he had|if she had|
		if only they|if only he|if only she|if only my|if my manager had|if the client had|if the team had`)
	add(pBlame, 2, true, `to blame|blamed|dropped the ball|messed up|screwed up|messed it up|screwed it up|
		kept making mistakes|kept making errors|kept messing up|kept getting it wrong|cutting corners|cut corners`)
	add(pBlame, 2, false, `i blame the|i blame them|i blame him|i blame her|i blame it on|i blame management|
		i blame my team|i blame my manager|i blame my boss|i blame my colleague|i blame my colleagues|blame it on|
		the blame lies|blame lies with`)
	// Others' failings told as fact are common in good answers ("the vendor
	// failed to deliver, so I ..."); they count only when they pile up.
	add(pBlame, 0.7, true, `they should have|he should have|she should have|they should've|he should've|she should've|
		made a mistake|made an error|made the mistake|failed to|forgot to|didn't bother|
		didn't check|didn't tell|never checked|others never|the others didn't|others didn't`)
	add(pBlame, 0.5, false, `never responded|never replied|never answered|kept changing|last minute|
		the other team|other teams|they never|he never|she never|they didn't|he didn't|she didn't|they refused|
		he refused|she refused|they wouldn't|he wouldn't|she wouldn't|no support|didn't support|
		because of his|because of her|because of their`)
	add(pBlame, 1.5, false, `clean up after|cleaning up after|clean up their mess|clean up his mess|
		clean up her mess|took credit|takes credit|taking credit|stole my|steal my|the real problem was|
		the real issue was`)
	// Attributing the cause to others or to circumstances.
	add(pBlame, 1, false, `because of my <role>|because my <role>|because of the <role>|because the <role>|
		because of our <role>|because our <role>|because they|
		because he|because she|due to my <role>|due to the <role>|due to their|due to his|due to her|
		due to poor|due to bad|due to the lack|due to a lack|lack of support|didn't give me|never gave me|
		never told|never listened|unrealistic|unclear instructions|poor communication|bad communication|
		poor planning|bad planning|didn't care|don't care|some people are just|some people just|
		people like that|the real reason|the real cause|the actual problem|always late|didn't listen|wouldn't listen|
		never listen|should have told me|should've told me|should have warned|wasn't given enough|
		weren't given enough|not given enough|no one gave me|nobody gave me|micromanaged|micromanaging|
		micromanager|micromanagement|typical|as usual|nothing anyone could|not much anyone could|
		impossible to please|impossible to work with|impossible to deal with|with respect|left things in|
		set in their ways|weren't always thorough|wasn't always thorough|not always thorough|other people's|
		pulls their weight|wasn't the first time|was not the first time|wasn't always great|not always great|
		doing things her way|doing things his way|doing things their way|bound to happen|a system issue|
		should have invested|don't respect|didn't respect|dropping things on me|wasn't really fair|wasn't fair to`)
	// Denial: claiming never to have erred or clashed.
	add(pDenial, 1, false, `never made a|never really made|never made any|never made mistakes|never made a mistake|
		don't make mistakes|don't really make|do not make mistakes|rarely make mistakes|hardly ever make|
		never make mistakes|haven't made any|have not made any|haven't really made|haven't made a|
		have never made|have never really|can't think of a|can't think of any|can't think of one|
		can't think of an|can't really think|can't recall a|can't recall any|can't remember a|
		can't remember any|can't say i've|couldn't think of|hard to think of|struggle to think|
		nothing comes to mind|nothing really comes|see things as failures|see it as a failure|
		see anything as a failure|don't believe in failure|don't really see|never really failed at|
		been fortunate that|been lucky that|been lucky enough|can't really think of|not sure i have|don't think i've|don't think i have|
		don't have conflicts|don't really have conflicts|never had a conflict|never had any conflict|
		never had conflicts|never really had a|never really had any|never had a problem with|
		never had any problems|never had a disagreement|never had any disagreements|never had an argument|
		get along with everyone|got along with everyone|get on with everyone|get along with everybody|
		never failed|haven't failed|have not failed|not really failed|haven't really failed|never really failed|don't fail|don't really fail|
		never missed a deadline|never miss a deadline|never miss deadlines|always meet my deadlines|
		always meet deadlines|not one to make|not the type to|never had to deal|i don't really make|mistakes are rare|wouldn't call it a mistake|
		not really a mistake|wasn't really a mistake|wasn't a mistake|no major mistakes|no serious mistakes|no real mistakes|no big mistakes`)
	// Hedges and fillers (only unambiguous ones; "kind of"/"sort of" are guarded).
	add(pHedge, 1, false, `kind of|sort of|kinda|sorta|i guess|i suppose|you know|i mean|or something|and stuff|
		and whatnot|stuff like that|things like that|or whatever|more or less|i think maybe|maybe kind|
		like i said|to be fair`)
	// Vague, generic, self-describing talk.
	add(pVague, 1, false, `a lot|lots of|all sorts|various things|and so on|and so forth|some stuff|things like|
		in general|as usual|hard worker|hard-working|team player|people person|above and beyond|
		outside the box|communication is key|communication is important|teamwork is|is very important|
		is really important|is so important|i'm a|i am a|i'm very|i am very|i'm really|i am really|i'm good at|
		i am good at|i'm passionate|i am passionate|detail oriented|detail-oriented|i pride myself|
		i believe|i feel that|i think that|i always try|i try to|i like to|i love to|i tend to|
		best of my ability|did my best|do my best|did our best|worked hard|work hard|working hard|
		stuff|things|something|somehow|whatever|everything|everyone`)
	// Hypothetical framing.
	add(pHypo, 1, false, `if i were|if i was in|what i would do|what i'd do|i would probably|i'd probably|
		my approach would|my approach is|the way i would|the way i'd|i would first|i'd first|i would start|
		i'd start|i would try|i'd try|i would make sure|i'd make sure|in that situation i|in a situation like|
		if this happened|if that happened|if i ever|if it happened|whenever i|when i have|when i get|
		when there is|when there's|if there is|if there's|i'd like to think|i would like to think|
		i would say|i'd say|i will|i'll`)
	// Sequencing of actions.
	add(pSeq, 1, false, `first|then|next|after that|afterwards|finally|so i|i decided|i immediately|right away|
		straight away|the next day|the next morning|within an hour|within a day|that afternoon|that evening|
		the same day|that same day|that night|within minutes|within hours`)
	return m
}

// isRegularPast reports whether a lower-case word looks like a regular past
// tense or past participle ("called", "tried", "apologised").
func isRegularPast(w string) bool {
	n := len(w)
	if n < 4 || w[n-2] != 'e' || w[n-1] != 'd' {
		return false
	}
	if w[n-3] == 'e' { // need, speed, proceed; keep agreed, freed
		switch w {
		case "agreed", "freed", "guaranteed", "refereed", "decreed", "disagreed", "foreseed":
			return true
		}
		return false
	}
	switch w {
	case "bed", "red", "shed", "hundred", "kindred", "sacred", "naked", "wicked", "rugged", "ragged",
		"beloved", "embed", "shred", "sled", "sped", "led", "fed", "bled", "bred", "fled":
		return false
	}
	for i := 0; i < n; i++ {
		c := w[i]
		if (c < 'a' || c > 'z') && c != '\'' && c != '-' {
			return false
		}
	}
	return true
}
