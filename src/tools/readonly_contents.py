"""A Jupyter contents manager that shows files and never changes them: ``./gd lab --solutions``.

JupyterLab opens every file as read-only (the models say ``writable: false``), and the server refuses
to save, rename, delete, create or checkpoint anything, so the course's solution notebooks stay as they
are even when run (outputs live in the browser only). File permissions would not do: as root, a
read-only file is still written.

    jupyter lab --ServerApp.contents_manager_class=readonly_contents.ReadOnlyContentsManager
"""

from __future__ import annotations

from jupyter_server.services.contents.largefilemanager import AsyncLargeFileManager
from tornado.web import HTTPError

REFUSAL = ("the solutions are read-only here (./gd lab --solutions); your own work is in work/, which "
           "./gd lab opens")


class ReadOnlyContentsManager(AsyncLargeFileManager):
    """Serves the files as they are; every change is refused with HTTP 403 and one sentence."""

    async def get(self, path, *args, **kwargs):
        model = await super().get(path, *args, **kwargs)
        self._read_only(model)
        return model

    @staticmethod
    def _read_only(model) -> None:
        if isinstance(model, dict):
            model["writable"] = False
            if model.get("type") == "directory":
                for child in model.get("content") or []:
                    if isinstance(child, dict):
                        child["writable"] = False

    def _refuse(self, *args, **kwargs):
        raise HTTPError(403, REFUSAL)

    async def save(self, model, path=""):
        self._refuse()

    async def delete_file(self, path):
        self._refuse()

    async def rename_file(self, old_path, new_path):
        self._refuse()

    async def new(self, model=None, path=""):
        self._refuse()

    async def new_untitled(self, path="", type="", ext=""):
        self._refuse()

    async def copy(self, from_path, to_path=None):
        self._refuse()

    async def create_checkpoint(self, path):
        self._refuse()

    async def restore_checkpoint(self, checkpoint_id, path):
        self._refuse()

    async def delete_checkpoint(self, checkpoint_id, path):
        self._refuse()
