#pragma once
// Why this exists: the pages' order in the navigation, shared by the window, the pages that
// link to each other and the screenshot runner.
namespace tb { namespace ui {
enum PageIndex { HomePageIndex = 0, DatasetsPageIndex, TemplatesPageIndex, ModelsPageIndex, TrainPageIndex,
                 EvaluatePageIndex, ComparePageIndex, RunsPageIndex, PageCount };
} }
