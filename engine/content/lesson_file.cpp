#include "content/lesson_file.h"

#include "core/text.h"
#include "content/toml_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace content {
namespace {

// Headings of the chapters in the lesson panel.
constexpr auto kChapterTitles = core::enumNames<Chapter>({
    {Chapter::Anatomy, "Anatomy"}, {Chapter::Cramp, "What a cramp is"}, {Chapter::Causes, "Causes"},
    {Chapter::Relief, "Relief"}, {Chapter::Prevention, "Prevention"}, {Chapter::Strength, "Strength"},
    {Chapter::Rehab, "Rehab"}, {Chapter::Doctor, "Seeing a doctor"}, {Chapter::Evidence, "What the evidence says"},
});

using Framing = LessonStep::Framing;
constexpr auto kFramingNames = core::enumNames<Framing>(
    {{Framing::Working, "working"}, {Framing::Body, "body"}, {Framing::Legs, "legs"}, {Framing::Thighs, "thighs"}});

using Shape = Prop::Shape;
constexpr auto kPropShapeNames = core::enumNames<Shape>({
    {Shape::Box, "box"}, {Shape::Cylinder, "cylinder"}, {Shape::Dumbbell, "dumbbell"}, {Shape::Roller, "roller"},
    {Shape::Step, "step"}, {Shape::Mat, "mat"}, {Shape::Chair, "chair"}, {Shape::Glass, "glass"},
});

bool isHand(anatomy::Landmark landmark)
{
    return landmark == anatomy::Landmark::HandR || landmark == anatomy::Landmark::HandL;
}

std::string limitedString(TableReader& reader, std::string_view key, bool required, int maxChars, std::string_view what)
{
    std::string text = reader.string(key, required).value_or("");
    if (auto problem = textProblem(text, maxChars, what)) reader.error(key, *problem);
    return text;
}

// False, with the limit reported, when the list under `key` holds more than `maxItems`.
bool withinCount(TableReader& reader, std::string_view key, std::size_t count, int maxItems, std::string_view items,
                 std::string_view holder)
{
    if (count <= std::size_t(maxItems)) return true;
    reader.error(key, std::to_string(count) + " " + std::string(items) + ", more than the " + std::to_string(maxItems) + " " +
                          std::string(holder) + " may have");
    return false;
}

std::size_t listSize(const TableReader& reader, std::string_view key)
{
    const toml::array* list = reader.table().get_as<toml::array>(key);
    return list ? list->size() : 0;
}

std::vector<std::string> hamstringNames()
{
    std::vector<std::string> names;
    for (anatomy::Muscle muscle : anatomy::kHamstrings) names.emplace_back(anatomy::muscleDef(muscle).name);
    return names;
}

// A hamstring head by its name in files ("biceps_femoris_long"); none for any other muscle.
std::optional<anatomy::Muscle> hamstringFromName(std::string_view name)
{
    const auto muscle = anatomy::muscleFromName(name);
    if (!muscle || std::find(anatomy::kHamstrings.begin(), anatomy::kHamstrings.end(), *muscle) == anatomy::kHamstrings.end())
        return std::nullopt;
    return muscle;
}

std::vector<std::string> readSources(TableReader& reader, const LessonContext& context, bool required)
{
    std::vector<std::string> sources = reader.stringList("sources", required);
    if (!withinCount(reader, "sources", sources.size(), kLessonLimits.listItems, "sources", "a list")) return {};
    if (required && sources.empty() && reader.has("sources")) reader.error("sources", "name at least one source");
    if (!context.sources) return sources;
    const std::vector<std::string> known = context.sources->ids();
    for (std::size_t i = 0; i < sources.size(); ++i)
        if (!context.sources->contains(sources[i]))
            reader.itemError("sources", i,
                             core::withSuggestion("unknown source '" + sources[i] + "' (see assets/sources.toml)",
                                                  sources[i], known));
    return sources;
}

void readLayers(TableReader& reader, LessonStep& step)
{
    const toml::table* layers = reader.subtable("layers", false);
    if (!layers) return;
    std::vector<std::string> keys;
    for (const LayerInfo& info : layerInfos()) keys.emplace_back(info.key);
    for (const auto& [key, value] : *layers) {
        const std::string name(key.str());
        const std::string field = reader.field("layers") + "." + name;
        auto layer = layerFromKey(name);
        if (!layer) {
            reader.errors().add(key.source(), field, core::withSuggestion("unknown layer '" + name + "'", name, keys));
            continue;
        }
        LayerSettings settings;
        if (auto visible = value.value<bool>()) {
            settings.visible = *visible;
        } else if (const auto opacity = value.value<double>()) {
            if (!withinRange(*opacity, 0.0, 1.0)) {
                reader.errors().add(&value, field, "opacity must be between 0 and 1");
                continue;
            }
            settings.opacity = float(*opacity);
            settings.visible = *opacity > 0.0;
        } else {
            reader.errors().add(&value, field, "expected true, false or an opacity between 0 and 1");
            continue;
        }
        step.layers[std::size_t(*layer)] = settings;
    }
}

void readHighlight(TableReader& reader, const LessonContext& context, LessonStep& step)
{
    step.highlight = reader.stringList("highlight", false);
    if (!withinCount(reader, "highlight", step.highlight.size(), kLessonLimits.listItems, "structures", "a highlight"))
        step.highlight.clear();
    if (context.structures.empty()) return;
    for (std::size_t i = 0; i < step.highlight.size(); ++i) {
        std::string name = step.highlight[i];
        // "semitendinosus.r" names one side; the structure is what comes before the side.
        if (name.size() > 2 && (name.compare(name.size() - 2, 2, ".r") == 0 || name.compare(name.size() - 2, 2, ".l") == 0))
            name.resize(name.size() - 2);
        if (std::find(context.structures.begin(), context.structures.end(), name) != context.structures.end()) continue;
        reader.itemError("highlight", i, core::withSuggestion("unknown structure '" + name + "'", name, context.structures));
    }
}

// Three numbers from `low` to `high` under `key`, reported as one error otherwise.
void readVector(TableReader& reader, std::string_view key, glm::vec3& out, double low, double high, bool required)
{
    const toml::array* values = reader.array(key, required);
    if (!values) return;
    bool good = values->size() == 3;
    for (std::size_t k = 0; good && k < 3; ++k) {
        const auto value = values->get(k)->value<double>();
        good = value && withinRange(*value, low, high);
        if (good) out[int(k)] = float(*value);
    }
    if (!good) {
        char range[64];
        std::snprintf(range, sizeof range, "expected three numbers from %g to %g", low, high);
        reader.error(key, range);
    }
}

std::optional<anatomy::Landmark> readLandmark(TableReader& reader, std::string_view key, const std::string& name)
{
    if (auto landmark = anatomy::landmarkFromName(name)) return landmark;
    reader.error(key, core::withSuggestion("unknown body point '" + name + "'", name, landmarkNames()));
    return std::nullopt;
}

// Shapes that only make sense one way: held in a hand, or standing on the floor.
void checkPropPlacement(TableReader& reader, const Prop& prop, bool under)
{
    const std::string shape(kPropShapeNames.name(prop.shape));
    if (prop.shape == Shape::Dumbbell && (under || !isHand(prop.landmark)))
        reader.error(under ? "under" : "at", "a dumbbell is held: write at = \"hand_r\" or at = \"hand_l\"");
    if ((prop.shape == Shape::Chair || prop.shape == Shape::Mat || prop.shape == Shape::Step) && !under)
        reader.error("at", "a " + shape + " stands on the floor: write under = \"<body point>\"");
    if (prop.shape == Shape::Mat && prop.sizeM.y > 0.03f) reader.error("size", "a mat is at most 0.03 m thick (size = [length, thickness, width])");
}

void readProps(TableReader& stepReader, LessonStep& step)
{
    const auto readProp = [&](std::size_t, TableReader& reader) {
        reader.rejectUnknownKeys({"shape", "under", "at", "size", "colour", "from"});
        Prop prop;
        prop.shape = reader.choice("shape", true, kPropShapeNames, {.what = "shape"}).value_or(prop.shape);
        const bool under = reader.has("under"), at = reader.has("at");
        if (under == at) reader.error("under", "give exactly one of under = \"<body point>\" or at = \"<body point>\"");
        if (auto name = reader.string(under ? "under" : "at", false))
            prop.landmark = readLandmark(reader, under ? "under" : "at", *name).value_or(prop.landmark);
        prop.follows = at;
        readVector(reader, "size", prop.sizeM, 0.005, 2.0, true);
        readVector(reader, "colour", prop.colour, 0.0, 1.0, false);
        // Read after the keys: it must fall within them.
        const double motion = step.motionS();
        if (auto from = reader.number("from", false, 0.0, 600.0)) {
            if (*from > motion + 1e-9) {
                char words[160];
                std::snprintf(words, sizeof words, "%g s is after the step's last key (at %g s): a prop comes in while the keys play", *from,
                              motion);
                reader.error("from", words);
            }
            prop.fromS = std::min(*from, motion);
        }
        if (under != at) checkPropPlacement(reader, prop, under);
        step.props.push_back(prop);
    };
    if (!withinCount(stepReader, "props", listSize(stepReader, "props"), kLessonLimits.props, "props", "a step")) return;
    stepReader.eachTableIn("props", false, "expected { shape = ..., under = ..., size = [x, y, z] }", readProp);
}

// [step.partner]: pose (and set, contacts, adjust) as a key has, what each hand holds, and how
// far the partner is from what it holds.
// A body pose as a key or the partner writes it: a named pose from scenes/poses.toml, then
// `set` angles, `contacts` and `adjust` over it.
struct PoseRead {
    std::vector<anim::CoordinateGroup> adjustable;   // what the floor placement may adjust
    bool named = false;                              // it starts from a known named pose
};

PoseRead readPose(TableReader& reader, const LessonContext& context, anatomy::Pose& pose, anim::ContactList& contacts)
{
    pose = anatomy::Pose::neutral();
    PoseRead read;
    std::vector<anim::CoordinateGroup>& adjustable = read.adjustable;
    if (auto name = reader.string("pose", true)) {
        const NamedPose* base = context.poses ? context.poses->find(*name) : nullptr;
        if (base) {
            pose = base->pose;
            contacts = base->contacts;
            adjustable = base->adjustable;
            read.named = true;
        } else {
            reader.error("pose", core::withSuggestion("unknown pose '" + *name + "' (see scenes/poses.toml)", *name,
                                                      context.poses ? context.poses->names() : std::vector<std::string>{}));
        }
    }
    if (const toml::table* set = reader.subtable("set", false)) readAngles(reader, *set, reader.field("set"), pose);
    if (reader.has("contacts")) contacts = readContacts(reader, "contacts");
    if (reader.has("adjust")) adjustable = readAdjustable(reader, "adjust");
    return read;
}

void readPartner(TableReader& stepReader, const LessonContext& context, LessonStep& step)
{
    const toml::table* table = stepReader.subtable("partner", false);
    if (!table) return;
    TableReader reader(*table, stepReader.field("partner"), stepReader.errors());
    reader.rejectUnknownKeys({"pose", "set", "contacts", "adjust", "hands", "distance", "key"});
    Partner partner;
    partner.line = int(table->source().begin.line);
    const PoseRead read = readPose(reader, context, partner.pose, partner.contacts);
    partner.distanceM = reader.number("distance", false, 0.1, 1.5).value_or(partner.distanceM);
    // Counted from 1 as a reader counts the [[step.key]] tables; the last one when left out.
    const int keyCount = int(step.keys.size());
    partner.placedAtKey = keyCount > 0 ? keyCount - 1 : 0;
    if (auto key = reader.number("key", false, 1.0, double(std::max(keyCount, 1)))) {
        if (*key != std::floor(*key))
            reader.error("key", "expected the number of a [[step.key]], from 1");
        else
            partner.placedAtKey = int(*key) - 1;
    }
    if (const toml::table* hands = reader.subtable("hands", true)) {
        TableReader handReader(*hands, reader.field("hands"), reader.errors());
        handReader.rejectUnknownKeys({"hand_r", "hand_l"});
        for (const char* hand : {"hand_r", "hand_l"}) {
            auto name = handReader.string(hand, false);
            if (!name) continue;
            if (auto holds = readLandmark(handReader, hand, *name))
                partner.holds.push_back({*anatomy::landmarkFromName(hand), *holds});
        }
        if (hands->empty()) reader.error("hands", "say what the partner holds: hands = { hand_r = \"heel_r\", hand_l = \"knee_r\" }");
    }
    if (partner.contacts.empty() && read.named) reader.error("contacts", "the partner needs at least one floor contact");
    if (reader.errors().empty()) partner.pose = settleAndCheck(reader, "pose", partner.pose, partner.contacts, read.adjustable, context.settled);
    partner.pose = anim::anchorContacts(partner.pose, partner.contacts, glm::dvec2(0.0));
    step.partner = std::move(partner);
}

void readMuscles(TableReader& stepReader, LessonStep& step)
{
    const toml::table* table = stepReader.subtable("muscles", false);
    if (!table) return;
    TableReader reader(*table, stepReader.field("muscles"), stepReader.errors());
    reader.rejectUnknownKeys({"state", "excitation", "heads", "sides", "cramp"});
    MuscleTimeline& muscles = step.muscles;
    muscles.mode = reader.choice("state", true, kMuscleModeKeys, {.what = "muscle state"}).value_or(muscles.mode);
    if (const toml::array* excitation = reader.array("excitation", muscles.mode == MuscleMode::Contraction)) {
        std::vector<anim::ScalarKey> keys;
        for (std::size_t i = 0; i < excitation->size(); ++i) {
            const toml::node& item = *excitation->get(i);
            const std::string field = reader.itemField("excitation", i);
            const toml::array* pair = item.as_array();
            // value<double>() is empty for text and for integers too large to be exact doubles.
            const auto time = pair && pair->size() == 2 ? pair->get(0)->value<double>() : std::nullopt;
            const auto value = pair && pair->size() == 2 ? pair->get(1)->value<double>() : std::nullopt;
            if (!time || !value || !std::isfinite(*time)) {
                reader.errors().add(&item, field, "expected [seconds, excitation from 0 to 1]");
                continue;
            }
            if (!withinRange(*value, 0.0, 1.0)) {
                reader.errors().add(pair->get(1), field, "excitation must be between 0 and 1");
                continue;
            }
            if (!keys.empty() && *time <= keys.back().timeS) {
                reader.errors().add(pair->get(0), field, "times must increase");
                continue;
            }
            keys.push_back({*time, *value, anim::Easing::InOut});
        }
        muscles.excitation = anim::ScalarTrack(std::move(keys));
    }
    const std::vector<std::string> known = hamstringNames();
    const std::vector<std::string> heads = reader.stringList("heads", false);
    for (const std::string& head : heads) {
        if (auto muscle = hamstringFromName(head))
            muscles.heads.push_back(*muscle);
        else
            reader.error("heads", core::withSuggestion("unknown hamstring head '" + head + "'", head, known));
    }
    if (reader.has("sides")) {
        muscles.sides.clear();
        for (const std::string& side : reader.stringList("sides", false)) {
            if (auto parsed = anatomy::kSideKeys.parse(side))
                muscles.sides.push_back(*parsed);
            else
                reader.error("sides", "sides are \"r\" and \"l\", got '" + side + "'");
        }
    }
    const toml::table* cramp = reader.subtable("cramp", muscles.mode == MuscleMode::Cramp);
    if (cramp) {
        TableReader crampReader(*cramp, reader.field("cramp"), reader.errors());
        crampReader.rejectUnknownKeys({"muscle", "side", "onset", "duration"});
        CrampSpec spec;
        if (auto name = crampReader.string("muscle", true)) {
            if (auto muscle = hamstringFromName(*name))
                spec.muscle = *muscle;
            else
                crampReader.error("muscle", core::withSuggestion("unknown hamstring head '" + *name + "'", *name, known));
        }
        if (auto side = crampReader.string("side", true)) {
            if (auto parsed = anatomy::kSideKeys.parse(*side))
                spec.side = *parsed;
            else
                crampReader.error("side", "side is \"r\" or \"l\"");
        }
        spec.onsetS = crampReader.number("onset", true, 0.0, 3600.0).value_or(spec.onsetS);
        // Cramps last from seconds to about ten minutes (seed-004).
        spec.durationS = crampReader.number("duration", true, 1.0, 600.0).value_or(spec.durationS);
        muscles.cramp = spec;
        if (muscles.mode != MuscleMode::Cramp) crampReader.error("muscle", "a cramp is only read when state = \"cramp\"");
    }
}

void readKeys(TableReader& stepReader, const LessonContext& context, LessonStep& step)
{
    const auto readKey = [&](std::size_t i, TableReader& reader) {
        reader.rejectUnknownKeys({"time", "pose", "set", "contacts", "adjust", "ease"});
        StepKey key;
        key.line = int(reader.table().source().begin.line);
        key.timeS = reader.number("time", true, 0.0, 600.0).value_or(0.0);
        if (i == 0 && key.timeS != 0.0) reader.error("time", "the first key of a step is at time 0");
        if (i > 0 && !step.keys.empty() && key.timeS <= step.keys.back().timeS)
            reader.error("time", "key times must increase");
        const PoseRead read = readPose(reader, context, key.pose, key.contacts);
        key.easing = reader.choice("ease", false, anim::kEasingNames, {.what = "easing"}).value_or(key.easing);
        // Rest the key on the floor; where it shares contacts with the key before, keep
        // those where they were so the feet, hands or seat do not slide.
        if (key.contacts.empty() && (read.named || reader.has("contacts")))
            reader.error("contacts", "a key pose needs at least one floor contact");
        if (reader.errors().empty()) key.pose = settleAndCheck(reader, "pose", key.pose, key.contacts, read.adjustable, context.settled);
        const anim::ContactList shared =
            step.keys.empty() ? key.contacts : anim::sharedContacts(step.keys.back().contacts, key.contacts);
        const glm::dvec2 target = step.keys.empty()
                                      ? glm::dvec2(0.0)
                                      : anim::contactCentre(anatomy::computeSkeleton(step.keys.back().pose), shared);
        // Settling puts the lowest contact on the floor; a part that is not a contact may
        // still dip a little below it (a calf, sitting): the key is raised off it, as every
        // pose the player shows between keys is, so a key looks the same reached or held.
        key.pose = anim::liftAboveFloor(anim::anchorContacts(key.pose, shared, target));
        step.keys.push_back(std::move(key));
    };
    if (!withinCount(stepReader, "key", listSize(stepReader, "key"), kLessonLimits.keys, "key poses", "a step")) return;
    const toml::array* keys = stepReader.eachTableIn("key", true, "expected a [[step.key]] table", readKey);
    if (keys && keys->empty()) stepReader.error("key", "a step needs at least one key pose");
}

// Where byte `offset` of a one-line string value sits in the file: one column past the
// opening quote, and escapes such as \" take two columns for one byte of the value.
toml::source_region positionInString(const toml::node& node, std::string_view value, std::size_t offset)
{
    toml::source_region region = node.source();
    std::size_t column = region.begin.column + 1;
    for (std::size_t i = 0; i < offset && i < value.size(); ++i)
        column += (value[i] == '"' || value[i] == '\\' || value[i] == '\n' || value[i] == '\t') ? 2 : 1;
    region.begin.column = toml::source_index(column);
    return region;
}

// Malformed marks, and marked terms the glossary does not explain, reported at the mark.
void checkMarks(TableReader& reader, const toml::node& node, const std::string& field, std::string_view value,
                const LessonContext& context)
{
    for (const MarkProblem& problem : findMarkProblems(value))
        reader.errors().add(positionInString(node, value, problem.offset), field, problem.message);
    if (!context.glossary) return;
    for (const MarkUse& use : markedTerms(value))
        if (!context.glossary->find(use.term))
            reader.errors().add(positionInString(node, value, use.offset), field,
                                core::withSuggestion("unknown glossary term '" + use.term + "' (see scenes/glossary.toml)",
                                                     use.term, context.glossary->names()));
}

// Titles, summaries and cues are shown and spoken as they are: no marks there.
void rejectMarks(TableReader& reader, std::initializer_list<std::string_view> keys)
{
    for (std::string_view key : keys)
        if (const auto value = reader.table()[key].value<std::string>(); value && value->find("[[") != std::string::npos)
            reader.error(key, "glossary marks belong in text, bullets and evidence, not here");
}

void readMarks(TableReader& reader, const LessonStep& step, const LessonContext& context)
{
    const toml::table& table = reader.table();
    if (const toml::node* text = table.get("text"); text && text->is_string())
        checkMarks(reader, *text, reader.field("text"), step.text, context);
    if (const toml::node* evidence = table.get("evidence"); evidence && evidence->is_string())
        checkMarks(reader, *evidence, reader.field("evidence"), step.evidence, context);
    if (const toml::array* bullets = table.get_as<toml::array>("bullets"))
        for (std::size_t i = 0; i < bullets->size() && i < step.bullets.size(); ++i)
            checkMarks(reader, *bullets->get(i), reader.itemField("bullets", i), step.bullets[i], context);
    rejectMarks(reader, {"title", "cue"});
}

LessonStep readStep(TableReader& reader, const LessonContext& context)
{
    reader.rejectUnknownKeys({"title", "text", "bullets", "evidence", "sources", "cue", "view", "layers", "highlight", "key", "hold",
                              "repetitions", "rest", "muscles", "props", "partner", "frame"});
    LessonStep step;
    step.line = int(reader.table().source().begin.line);
    step.title = limitedString(reader, "title", true, kLessonLimits.titleChars, "a title");
    step.text = limitedString(reader, "text", true, kLessonLimits.textChars, "a step's text");
    step.bullets = reader.stringList("bullets", false);
    step.evidence = reader.string("evidence", false).value_or("");
    readMarks(reader, step, context);
    if (withinCount(reader, "bullets", step.bullets.size(), kLessonLimits.bullets, "bullets", "a step")) {
        for (std::size_t i = 0; i < step.bullets.size(); ++i)
            if (auto problem = textProblem(step.bullets[i], kLessonLimits.bulletChars, "a bullet"))
                reader.itemError("bullets", i, *problem);
    }
    step.sources = readSources(reader, context, true);
    step.cue = limitedString(reader, "cue", false, kLessonLimits.cueChars, "a cue");
    step.view = reader.choice("view", false, kViewPresetNames, {.what = "view", .listChoices = false});
    step.frame = reader.choice("frame", false, kFramingNames, {.what = "framing"}).value_or(step.frame);
    readLayers(reader, step);
    readHighlight(reader, context, step);
    step.holdS = reader.number("hold", false, 0.0, 600.0).value_or(0.0);
    step.repetitions = int(reader.number("repetitions", false, 1.0, 20.0).value_or(1.0));
    step.restS = reader.number("rest", false, 0.0, 120.0).value_or(0.0);
    readKeys(reader, context, step);
    readProps(reader, step);
    readPartner(reader, context, step);
    readMuscles(reader, step);
    return step;
}

// The pose library's routes down to lying, as keys placed on the floor.
PostureRoutes routesOf(const PoseLibrary* poses)
{
    PostureRoutes routes;
    if (!poses) return routes;
    const auto keysOf = [&](const std::vector<std::string>& names, std::vector<StepKey>& keys) {
        for (const std::string& name : names)
            if (const NamedPose* pose = poses->find(name)) keys.push_back({0.0, pose->pose, pose->contacts});
    };
    keysOf(poses->routes().toLyingOnBack, routes.toLyingOnBack);
    keysOf(poses->routes().toLyingFaceDown, routes.toLyingFaceDown);
    keysOf(poses->routes().backToFaceDown, routes.backToFaceDown);
    return routes;
}

Lesson readLesson(TableReader& root, const LessonContext& context)
{
    root.rejectUnknownKeys({"title", "chapter", "order", "summary", "sources", "step"});
    Lesson lesson;
    lesson.path = root.file();
    lesson.id = std::filesystem::path(lesson.path).stem().string();
    lesson.routes = routesOf(context.poses);
    lesson.title = limitedString(root, "title", true, kLessonLimits.titleChars, "a title");
    lesson.summary = limitedString(root, "summary", true, kLessonLimits.summaryChars, "a summary");
    rejectMarks(root, {"title", "summary"});
    lesson.chapter =
        root.choice("chapter", true, kChapterKeys, {.what = "chapter", .listChoices = false}).value_or(lesson.chapter);
    lesson.order = int(root.number("order", false, 0.0, 1000.0).value_or(0.0));
    lesson.sources = readSources(root, context, true);
    if (!withinCount(root, "step", listSize(root, "step"), kLessonLimits.steps, "steps", "a lesson")) return lesson;
    const toml::array* steps = root.eachTableIn("step", true, "expected a [[step]] table", [&](std::size_t, TableReader& step) {
        lesson.steps.push_back(readStep(step, context));
    });
    if (steps && steps->empty()) root.error("step", "a lesson needs at least one [[step]]");
    return lesson;
}

} // namespace

// Characters as a reader counts them: UTF-8 code points (toml++ has already refused invalid UTF-8).
static std::size_t characterCount(std::string_view text)
{
    return std::size_t(std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// What is wrong with a text for the screen, if anything: longer than `maxChars`, or holding a
// control character (a NUL cuts the text short where it is drawn, the others show as boxes).
// Line breaks and tabs are text.
std::optional<std::string> textProblem(std::string_view text, int maxChars, std::string_view what)
{
    if (const std::size_t count = characterCount(text); count > std::size_t(maxChars))
        return std::to_string(count) + " characters, more than the " + std::to_string(maxChars) + " " + std::string(what) +
               " may have";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c >= 0x20 && c != 0x7F) || c == '\n' || c == '\t') continue;
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X", unsigned(c));
        return std::string("control character ") + code + " at character " + std::to_string(characterCount(text.substr(0, i)) + 1) +
               "; text may hold line breaks and tabs, no other control characters";
    }
    return std::nullopt;
}

std::string_view chapterKey(Chapter chapter)
{
    return kChapterKeys.name(chapter);
}

std::string_view chapterTitle(Chapter chapter)
{
    return kChapterTitles.name(chapter);
}

std::string_view muscleModeKey(MuscleMode mode)
{
    return kMuscleModeKeys.name(mode);
}

double LessonStep::durationS() const
{
    double total = 0.0;
    for (int repetition = 0; repetition < repetitions; ++repetition) total += repetitionS(repetition + 1 == repetitions);
    return total;
}

core::Expected<Lesson> parseLesson(std::string_view text, const std::string& path, const LessonContext& context)
{
    return readTomlText<Lesson>(text, path, [&](TableReader& root) { return readLesson(root, context); });
}

} // namespace content
