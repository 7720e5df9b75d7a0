#pragma once
// Why this exists: the GUI entry point, separate from main.cpp so tests and the app share it.
namespace tb::ui {
int guiMain(int argc, char** argv);
}
