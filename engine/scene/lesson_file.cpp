#include "scene/lesson_file.h"

#include "core/file.h"
#include "core/text.h"
#include "scene/toml_reader.h"

#include <filesystem>

namespace scene {
namespace {

struct ChapterInfo {
    Chapter chapter;
    std::string_view key;
    std::string_view title;
};

constexpr std::array<ChapterInfo, kChapterCount> kChapters{{
    {Chapter::Anatomy, "anatomy", "Anatomy"},
    {Chapter::Cramp, "cramp", "What a cramp is"},
    {Chapter::Causes, "causes", "Causes"},
    {Chapter::Relief, "relief", "Relief"},
    {Chapter::Prevention, "prevention", "Prevention"},
    {Chapter::Strength, "strength", "Strength"},
    {Chapter::Rehab, "rehab", "Rehab"},
    {Chapter::Doctor, "doctor", "Seeing a doctor"},
    {Chapter::Evidence, "evidence", "What the evidence says"},
}};

std::vector<std::string> chapterKeys()
{
    std::vector<std::string> keys;
    for (const ChapterInfo& info : kChapters) keys.emplace_back(info.key);
    return keys;
}

std::vector<std::string> hamstringNames()
{
    std::vector<std::string> names;
    for (anatomy::Muscle muscle : anatomy::kHamstrings) names.emplace_back(anatomy::muscleDef(muscle).name);
    return names;
}

std::vector<std::string> readSources(TableReader& reader, const LessonContext& context, bool required)
{
    std::vector<std::string> sources = reader.stringList("sources", required);
    if (required && sources.empty() && reader.has("sources")) reader.error("sources", "name at least one source");
    if (!context.sources) return sources;
    const std::vector<std::string> known = context.sources->ids();
    const toml::array* list = reader.table().get_as<toml::array>("sources");
    for (std::size_t i = 0; i < sources.size(); ++i) {
        if (context.sources->contains(sources[i])) continue;
        reader.errors().add(list ? list->get(i) : nullptr, reader.field("sources") + "[" + std::to_string(i) + "]",
                            core::withSuggestion("unknown source '" + sources[i] + "' (see assets/sources.toml)",
                                                 sources[i], known));
    }
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
        } else if (value.is_number()) {
            const double opacity = *value.value<double>();
            if (opacity < 0.0 || opacity > 1.0) {
                reader.errors().add(&value, field, "opacity must be between 0 and 1");
                continue;
            }
            settings.opacity = float(opacity);
            settings.visible = opacity > 0.0;
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
    if (context.structures.empty()) return;
    const toml::array* list = reader.table().get_as<toml::array>("highlight");
    for (std::size_t i = 0; i < step.highlight.size(); ++i) {
        std::string name = step.highlight[i];
        // "semitendinosus.r" names one side; the structure is what comes before the side.
        if (name.size() > 2 && (name.compare(name.size() - 2, 2, ".r") == 0 || name.compare(name.size() - 2, 2, ".l") == 0))
            name.resize(name.size() - 2);
        if (std::find(context.structures.begin(), context.structures.end(), name) != context.structures.end()) continue;
        reader.errors().add(list ? list->get(i) : nullptr, reader.field("highlight") + "[" + std::to_string(i) + "]",
                            core::withSuggestion("unknown structure '" + name + "'", name, context.structures));
    }
}

void readProps(TableReader& stepReader, LessonStep& step)
{
    const toml::array* props = stepReader.array("props", false);
    if (!props) return;
    std::vector<std::string> landmarks;
    for (const anatomy::LandmarkInfo& info : anatomy::landmarkInfos()) landmarks.emplace_back(info.name);
    for (std::size_t i = 0; i < props->size(); ++i) {
        const std::string field = stepReader.field("props") + "[" + std::to_string(i) + "]";
        const toml::table* table = props->get(i)->as_table();
        if (!table) {
            stepReader.errors().add(props->get(i), field, "expected { shape = ..., under = ..., size = [x, y, z] }");
            continue;
        }
        TableReader reader(*table, field, stepReader.errors());
        reader.rejectUnknownKeys({"shape", "under", "at", "size", "colour"});
        Prop prop;
        if (auto shape = reader.string("shape", true)) {
            if (*shape == "box")
                prop.shape = Prop::Shape::Box;
            else if (*shape == "cylinder")
                prop.shape = Prop::Shape::Cylinder;
            else
                reader.error("shape", core::withSuggestion("unknown shape '" + *shape + "' (box or cylinder)", *shape, {"box", "cylinder"}));
        }
        const bool under = reader.has("under"), at = reader.has("at");
        if (under == at) reader.error("under", "give exactly one of under = \"<body point>\" or at = \"<body point>\"");
        if (auto name = reader.string(under ? "under" : "at", false)) {
            if (auto landmark = anatomy::landmarkFromName(*name))
                prop.landmark = *landmark;
            else
                reader.error(under ? "under" : "at", core::withSuggestion("unknown body point '" + *name + "'", *name, landmarks));
        }
        prop.follows = at;
        auto readVector = [&](std::string_view key, glm::vec3& out, double low, double high, bool required) {
            const toml::array* values = reader.array(key, required);
            if (!values) return;
            bool good = values->size() == 3;
            for (std::size_t k = 0; good && k < 3; ++k) {
                const auto value = values->get(k)->value<double>();
                good = value && *value >= low && *value <= high;
                if (good) out[int(k)] = float(*value);
            }
            if (!good) reader.error(key, "expected three numbers from " + std::to_string(low).substr(0, 4) + " to " + std::to_string(high).substr(0, 4));
        };
        readVector("size", prop.sizeM, 0.01, 2.0, true);
        readVector("colour", prop.colour, 0.0, 1.0, false);
        step.props.push_back(prop);
    }
}

void readMuscles(TableReader& stepReader, LessonStep& step)
{
    const toml::table* table = stepReader.subtable("muscles", false);
    if (!table) return;
    TableReader reader(*table, stepReader.field("muscles"), stepReader.errors());
    reader.rejectUnknownKeys({"state", "excitation", "heads", "sides", "cramp"});
    MuscleTimeline& muscles = step.muscles;
    if (auto state = reader.string("state", true)) {
        if (auto mode = muscleModeFromKey(*state))
            muscles.mode = *mode;
        else
            reader.error("state", core::withSuggestion("unknown muscle state '" + *state + "' (relaxed, contraction, cramp or stretch)",
                                                       *state, {"relaxed", "contraction", "cramp", "stretch"}));
    }
    if (const toml::array* excitation = reader.array("excitation", muscles.mode == MuscleMode::Contraction)) {
        std::vector<anim::ScalarKey> keys;
        for (std::size_t i = 0; i < excitation->size(); ++i) {
            const toml::node& item = *excitation->get(i);
            const std::string field = reader.field("excitation") + "[" + std::to_string(i) + "]";
            const toml::array* pair = item.as_array();
            if (!pair || pair->size() != 2 || !pair->get(0)->is_number() || !pair->get(1)->is_number()) {
                reader.errors().add(&item, field, "expected [seconds, excitation from 0 to 1]");
                continue;
            }
            const double time = *pair->get(0)->value<double>();
            const double value = *pair->get(1)->value<double>();
            if (value < 0.0 || value > 1.0) {
                reader.errors().add(pair->get(1), field, "excitation must be between 0 and 1");
                continue;
            }
            if (!keys.empty() && time <= keys.back().timeS) {
                reader.errors().add(pair->get(0), field, "times must increase");
                continue;
            }
            keys.push_back({time, value, anim::Easing::InOut});
        }
        muscles.excitation = anim::ScalarTrack(std::move(keys));
    }
    const std::vector<std::string> known = hamstringNames();
    const std::vector<std::string> heads = reader.stringList("heads", false);
    for (std::size_t i = 0; i < heads.size(); ++i) {
        auto muscle = anatomy::muscleFromName(heads[i]);
        if (!muscle || std::find(anatomy::kHamstrings.begin(), anatomy::kHamstrings.end(), *muscle) == anatomy::kHamstrings.end()) {
            reader.error("heads", core::withSuggestion("unknown hamstring head '" + heads[i] + "'", heads[i], known));
            continue;
        }
        muscles.heads.push_back(*muscle);
    }
    if (reader.has("sides")) {
        muscles.sides.clear();
        for (const std::string& side : reader.stringList("sides", false)) {
            if (side == "r")
                muscles.sides.push_back(anatomy::Side::Right);
            else if (side == "l")
                muscles.sides.push_back(anatomy::Side::Left);
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
            auto muscle = anatomy::muscleFromName(*name);
            if (muscle && std::find(anatomy::kHamstrings.begin(), anatomy::kHamstrings.end(), *muscle) != anatomy::kHamstrings.end())
                spec.muscle = *muscle;
            else
                crampReader.error("muscle", core::withSuggestion("unknown hamstring head '" + *name + "'", *name, known));
        }
        if (auto side = crampReader.string("side", true)) {
            if (*side == "r" || *side == "l")
                spec.side = *side == "r" ? anatomy::Side::Right : anatomy::Side::Left;
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
    const toml::array* keys = stepReader.array("key", true);
    if (!keys) return;
    if (keys->empty()) stepReader.error("key", "a step needs at least one key pose");
    for (std::size_t i = 0; i < keys->size(); ++i) {
        const toml::node& node = *keys->get(i);
        const std::string field = stepReader.field("key") + "[" + std::to_string(i) + "]";
        const toml::table* table = node.as_table();
        if (!table) {
            stepReader.errors().add(&node, field, "expected a [[step.key]] table");
            continue;
        }
        TableReader reader(*table, field, stepReader.errors());
        reader.rejectUnknownKeys({"time", "pose", "set", "contacts", "adjust", "ease"});
        StepKey key;
        key.line = int(table->source().begin.line);
        key.timeS = reader.number("time", true, 0.0, 600.0).value_or(0.0);
        if (i == 0 && key.timeS != 0.0) reader.error("time", "the first key of a step is at time 0");
        if (i > 0 && !step.keys.empty() && key.timeS <= step.keys.back().timeS)
            reader.error("time", "key times must increase");
        key.pose = anatomy::Pose::neutral();
        const NamedPose* base = nullptr;
        std::vector<anim::CoordinateGroup> adjustable;
        if (auto name = reader.string("pose", true)) {
            base = context.poses ? context.poses->find(*name) : nullptr;
            if (!base)
                reader.error("pose", core::withSuggestion("unknown pose '" + *name + "' (see scenes/poses.toml)", *name,
                                                          context.poses ? context.poses->names() : std::vector<std::string>{}));
        }
        if (base) {
            key.pose = base->pose;
            key.contacts = base->contacts;
            adjustable = base->adjustable;
        }
        if (const toml::table* set = reader.subtable("set", false)) readAngles(reader, *set, reader.field("set"), key.pose);
        if (reader.has("contacts")) key.contacts = readContacts(reader, "contacts");
        if (reader.has("adjust")) adjustable = readAdjustable(reader, "adjust");
        if (auto easing = reader.string("ease", false)) {
            if (auto parsed = anim::easingFromName(*easing))
                key.easing = *parsed;
            else
                reader.error("ease", core::withSuggestion("unknown easing '" + *easing + "' (linear, in, out or in_out)",
                                                          *easing, {"linear", "in", "out", "in_out"}));
        }
        // Rest the key on the floor; where it shares contacts with the key before, keep
        // those where they were so the feet, hands or seat do not slide.
        if (key.contacts.empty() && (base || reader.has("contacts")))
            reader.error("contacts", "a key pose needs at least one floor contact");
        const std::size_t errorsBefore = reader.errors().list.size();
        if (errorsBefore == 0) key.pose = settleAndCheck(reader, "pose", key.pose, key.contacts, adjustable);
        const anim::ContactList shared =
            step.keys.empty() ? key.contacts : anim::sharedContacts(step.keys.back().contacts, key.contacts);
        const glm::dvec2 target = step.keys.empty()
                                      ? glm::dvec2(0.0)
                                      : anim::contactCentre(anatomy::computeSkeleton(step.keys.back().pose), shared);
        key.pose = anim::anchorContacts(key.pose, shared, target);
        step.keys.push_back(std::move(key));
        (void)errorsBefore;
    }
}

LessonStep readStep(const toml::table& table, const std::string& field, TomlErrors& errors, const LessonContext& context)
{
    TableReader reader(table, field, errors);
    reader.rejectUnknownKeys({"title", "text", "bullets", "sources", "cue", "view", "layers", "highlight", "key", "hold",
                              "repetitions", "rest", "muscles", "props", "frame"});
    LessonStep step;
    step.line = int(table.source().begin.line);
    step.title = reader.string("title", true).value_or("");
    step.text = reader.string("text", true).value_or("");
    step.bullets = reader.stringList("bullets", false);
    step.sources = readSources(reader, context, true);
    step.cue = reader.string("cue", false).value_or("");
    if (auto view = reader.string("view", false)) {
        if (auto preset = presetFromName(*view))
            step.view = *preset;
        else
            reader.error("view", core::withSuggestion("unknown view '" + *view + "'", *view,
                                                      {"anterior", "posterior", "lateral", "medial", "superior"}));
    }
    if (auto frame = reader.string("frame", false)) {
        if (*frame == "body") step.frame = LessonStep::Framing::Body;
        else if (*frame == "legs") step.frame = LessonStep::Framing::Legs;
        else if (*frame == "thighs") step.frame = LessonStep::Framing::Thighs;
        else reader.error("frame", core::withSuggestion("unknown framing '" + *frame + "' (body, legs or thighs)", *frame, {"body", "legs", "thighs"}));
    }
    readLayers(reader, step);
    readHighlight(reader, context, step);
    readProps(reader, step);
    step.holdS = reader.number("hold", false, 0.0, 600.0).value_or(0.0);
    step.repetitions = int(reader.number("repetitions", false, 1.0, 20.0).value_or(1.0));
    step.restS = reader.number("rest", false, 0.0, 120.0).value_or(0.0);
    readKeys(reader, context, step);
    readMuscles(reader, step);
    return step;
}

} // namespace

std::string_view chapterKey(Chapter chapter)
{
    return kChapters[std::size_t(chapter)].key;
}

std::string_view chapterTitle(Chapter chapter)
{
    return kChapters[std::size_t(chapter)].title;
}

std::optional<Chapter> chapterFromKey(std::string_view key)
{
    for (const ChapterInfo& info : kChapters)
        if (info.key == key) return info.chapter;
    return std::nullopt;
}

std::string_view muscleModeKey(MuscleMode mode)
{
    switch (mode) {
    case MuscleMode::Relaxed: return "relaxed";
    case MuscleMode::Contraction: return "contraction";
    case MuscleMode::Cramp: return "cramp";
    case MuscleMode::Stretch: return "stretch";
    }
    return "relaxed";
}

std::optional<MuscleMode> muscleModeFromKey(std::string_view key)
{
    for (MuscleMode mode : {MuscleMode::Relaxed, MuscleMode::Contraction, MuscleMode::Cramp, MuscleMode::Stretch})
        if (muscleModeKey(mode) == key) return mode;
    return std::nullopt;
}

double LessonStep::durationS() const
{
    double total = 0.0;
    for (int repetition = 0; repetition < repetitions; ++repetition) total += repetitionS(repetition + 1 == repetitions);
    return total;
}

core::Expected<Lesson> parseLesson(std::string_view text, const std::string& path, const LessonContext& context)
{
    auto parsed = parseTomlText(text, path);
    if (!parsed) return parsed.error();
    TomlErrors errors{path, {}};
    TableReader root(*parsed, "", errors);
    root.rejectUnknownKeys({"title", "chapter", "order", "summary", "sources", "step"});
    Lesson lesson;
    lesson.path = path;
    lesson.id = std::filesystem::path(path).stem().string();
    lesson.title = root.string("title", true).value_or("");
    lesson.summary = root.string("summary", true).value_or("");
    if (auto chapter = root.string("chapter", true)) {
        if (auto parsedChapter = chapterFromKey(*chapter))
            lesson.chapter = *parsedChapter;
        else
            root.error("chapter", core::withSuggestion("unknown chapter '" + *chapter + "'", *chapter, chapterKeys()));
    }
    lesson.order = int(root.number("order", false, 0.0, 1000.0).value_or(0.0));
    lesson.sources = readSources(root, context, true);
    if (const toml::array* steps = root.array("step", true)) {
        if (steps->empty()) root.error("step", "a lesson needs at least one [[step]]");
        for (std::size_t i = 0; i < steps->size(); ++i) {
            const toml::node& node = *steps->get(i);
            const std::string field = "step[" + std::to_string(i) + "]";
            if (const toml::table* table = node.as_table())
                lesson.steps.push_back(readStep(*table, field, errors, context));
            else
                errors.add(&node, field, "expected a [[step]] table");
        }
    }
    if (!errors.empty()) return summarise(errors);
    return lesson;
}

core::Expected<Lesson> loadLessonFile(const std::string& path, const LessonContext& context)
{
    auto text = core::readTextFile(path);
    if (!text) return text.error();
    return parseLesson(*text, path, context);
}

} // namespace scene
