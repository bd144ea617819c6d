//! The suite's command line: a command, its positional words and
//! `--name value` options. Small enough not to need a parser crate.

/// The arguments after the program name, minus cargo's `--bench`.
pub(crate) struct Args {
    words: Vec<String>,
}

impl Args {
    pub(crate) fn from_env() -> Self {
        Self {
            words: std::env::args()
                .skip(1)
                .filter(|word| word != "--bench")
                .collect(),
        }
    }

    /// The first positional word, removed.
    pub(crate) fn command(&mut self) -> Option<String> {
        let index = self.words.iter().position(|word| !word.starts_with("--"))?;
        Some(self.words.remove(index))
    }

    /// The value of `--name`, removed, if given.
    pub(crate) fn option(&mut self, name: &str) -> Result<Option<String>, String> {
        let flag = format!("--{name}");
        let Some(index) = self.words.iter().position(|word| *word == flag) else {
            return Ok(None);
        };
        if index + 1 >= self.words.len() {
            return Err(format!("{flag} needs a value"));
        }
        self.words.remove(index);
        Ok(Some(self.words.remove(index)))
    }

    /// A numeric `--name`, or `default`.
    pub(crate) fn number<T: std::str::FromStr>(
        &mut self,
        name: &str,
        default: T,
    ) -> Result<T, String> {
        match self.option(name)? {
            None => Ok(default),
            Some(text) => text
                .parse()
                .map_err(|_| format!("--{name}: not a number: {text}")),
        }
    }
}
