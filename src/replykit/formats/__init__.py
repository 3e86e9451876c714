"""Output formats, one function per format; none of them prints comment text unescaped."""
