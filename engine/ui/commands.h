// What the overlay asks the app to do. Panels never change app state directly; they emit
// commands that the app applies between frames, so the frame stays one-directional.
#pragma once

#include "scene/camera.h"
#include "content/routine.h"
#include "content/structures.h"

#include <string>
#include <variant>

namespace ui {

struct SetViewPreset { content::ViewPreset preset; };
struct FrameAll {};
struct FocusSelection {};
struct SetLayerVisible { content::LayerId layer; bool visible; };
struct SetLayerOpacity { content::LayerId layer; float opacity; };
struct SelectStructure { int structure; };   // -1 clears the selection
struct TakeScreenshot {};
struct ExportLessonVideo {};   // the playing lesson as a video, in the background (app/video_export_job.h)
struct CancelVideoExport {};
struct ToggleFullscreen {};
struct SetFontScale { float scale; };
struct Quit {};

// Lessons.
struct StartLesson { std::string id; int step = -1; };  // -1: where the user left off
struct StopLesson {};
struct NextStep {};
struct PreviousStep {};
struct GoToStep { int step; };
struct RestartStep {};
struct SetPaused { bool paused; };
struct SetPlaybackSpeed { double speed; };
struct ScrubStep { double timeS; };

// Routines (ui/routine_panel.h, app/routine_session.h).
struct PlayRoutine { content::Routine routine; };      // as built in the panel
struct OpenRoutine { std::string path; };             // a routine file: saved, shipped, dropped
struct SaveRoutine { content::Routine routine; };      // into the config dir's routines/
struct StopRoutine {};
struct SkipRoutineEntry {};
struct PreviousRoutineEntry {};
struct ToggleRoutinePanel {};

// Exploring.
struct SetXray { bool enabled; };              // see inside: outer layers turn translucent
struct HideStructure { int structure; };
struct IsolateStructure { int structure; };    // show only this structure
struct ShowAllStructures {};
struct SetLabels { bool enabled; };
struct ToggleExplorePanel {};
struct ToggleLessonPanel {};

// Physiology.
struct SetColourMap { int map; };                    // ui::ColourMap
struct SetLegPose { double hipFlexionDeg; double kneeFlexionDeg; };  // the stretch map's pad
struct SetStretchMapHead { int head; };               // 0..3, or 4 for the mean of the biarticular heads
struct TogglePhysiologyPanel {};
struct ToggleStretchMap {};

// Quiz.
struct StartQuiz {};
struct StopQuiz {};
struct AnswerQuiz { int option; };
struct NextQuizQuestion {};

// Classroom.
struct TogglePresenter {};   // fullscreen, only the model and the step text
struct ToggleBlank {};       // black screen, as a presentation clicker's blank button
struct SetHighContrast { bool enabled; };
struct SetPresenterDisplay { int display; };
struct SetCloseUp { bool enabled; };   // the close-up: the working hamstrings fill the view, the whole pose in a corner

using Command = std::variant<SetViewPreset, FrameAll, FocusSelection, SetLayerVisible, SetLayerOpacity,
                             SelectStructure, TakeScreenshot, ExportLessonVideo, CancelVideoExport, ToggleFullscreen, SetFontScale, Quit, StartLesson,
                             StopLesson, NextStep, PreviousStep, GoToStep, RestartStep, SetPaused, SetPlaybackSpeed,
                             ScrubStep, SetXray, HideStructure, IsolateStructure, ShowAllStructures, SetLabels,
                             ToggleExplorePanel, ToggleLessonPanel, StartQuiz, StopQuiz, AnswerQuiz, NextQuizQuestion,
                             SetColourMap, SetLegPose, SetStretchMapHead, TogglePhysiologyPanel, ToggleStretchMap,
                             TogglePresenter, ToggleBlank, SetHighContrast, SetPresenterDisplay, PlayRoutine, OpenRoutine,
                             SaveRoutine, StopRoutine, SkipRoutineEntry, PreviousRoutineEntry, ToggleRoutinePanel, SetCloseUp>;

} // namespace ui
