"""The file system: walking hostile folders, writing where the user pointed, atomically."""
