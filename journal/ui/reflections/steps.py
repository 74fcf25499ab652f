"""The words of each reflection step: a title for the step list and a prompt for the page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def tr(text: str) -> str:
    return QCoreApplication.translate("Reflections", text)


def step_title(key: str) -> str:
    return {
        "source": tr("Who and when"),
        "said": tr("What was said"),
        "paraphrase": tr("In my words"),
        "example": tr("One example"),
        "useful": tr("What is useful"),
        "action": tr("What I will do"),
        "status": tr("Where it stands"),
    }[key]


def step_prompt(key: str) -> str:
    return {
        "source": tr("Who gave you this feedback, and when? Leave the name empty if you would "
                     "rather not write it down."),
        "said": tr("Write it down in their words, as close as you remember. Hold the replies "
                   "for now: listening comes first."),
        "paraphrase": tr("Say it back the way you understood it. If that is hard, it is worth "
                         "checking with them what they meant."),
        "example": tr("The one concrete moment you asked for, so you know what they actually "
                      "saw or heard."),
        "useful": tr("Set aside who said it and how it landed. What in it is true, or worth "
                     "trying anyway?"),
        "action": tr("One thing you will do differently, small enough to start this week."),
        "status": tr("Open while you think it over, acting once you are trying it, done when "
                     "it is settled."),
    }[key]


def example_reminder() -> str:
    return tr("No example yet. If the feedback felt abstract, it is fair to go back and ask: "
              "“Could you point me to one time you saw this?”")


def status_label(status: str) -> str:
    """Where a reflection stands, in the list and in its last step."""
    return {"open": tr("Open"), "acting": tr("Acting on it"), "done": tr("Done")}.get(status,
                                                                                      status)
