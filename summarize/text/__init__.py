"""What the stages know about news text: words, safe text, sentence quality, debris, voice, language."""
