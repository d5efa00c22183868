// Generated from shared/data/rvr-municipalities.csv: the 53 municipalities of the RVR area.
// `otherMeaning` says when a name is also an ordinary word, so taggers can be careful.
export interface Municipality {
  slug: string;
  name: string;
  district: string;
  aliases: string[];
  otherMeaning: string | null;
}

export const MUNICIPALITIES: readonly Municipality[] = [
  {
    "slug": "bochum",
    "name": "Bochum",
    "district": "kreisfrei",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "bottrop",
    "name": "Bottrop",
    "district": "kreisfrei",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "dortmund",
    "name": "Dortmund",
    "district": "kreisfrei",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "duisburg",
    "name": "Duisburg",
    "district": "kreisfrei",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "essen",
    "name": "Essen",
    "district": "kreisfrei",
    "aliases": [],
    "otherMeaning": "German noun 'Essen' (food, meal) and verb 'essen' (to eat): 'Essen aus aller Welt' is food, not the city"
  },
  {
    "slug": "gelsenkirchen",
    "name": "Gelsenkirchen",
    "district": "kreisfrei",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "hagen",
    "name": "Hagen",
    "district": "kreisfrei",
    "aliases": [],
    "otherMeaning": "common surname"
  },
  {
    "slug": "hamm",
    "name": "Hamm",
    "district": "kreisfrei",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "herne",
    "name": "Herne",
    "district": "kreisfrei",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "muelheim-an-der-ruhr",
    "name": "Mülheim an der Ruhr",
    "district": "kreisfrei",
    "aliases": [
      "Mülheim",
      "Muelheim",
      "Mülheim/Ruhr"
    ],
    "otherMeaning": "'Mülheim' alone can also mean Köln-Mülheim or Mülheim-Kärlich outside the region"
  },
  {
    "slug": "oberhausen",
    "name": "Oberhausen",
    "district": "kreisfrei",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "breckerfeld",
    "name": "Breckerfeld",
    "district": "Ennepe-Ruhr-Kreis",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "ennepetal",
    "name": "Ennepetal",
    "district": "Ennepe-Ruhr-Kreis",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "gevelsberg",
    "name": "Gevelsberg",
    "district": "Ennepe-Ruhr-Kreis",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "hattingen",
    "name": "Hattingen",
    "district": "Ennepe-Ruhr-Kreis",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "herdecke",
    "name": "Herdecke",
    "district": "Ennepe-Ruhr-Kreis",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "schwelm",
    "name": "Schwelm",
    "district": "Ennepe-Ruhr-Kreis",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "sprockhoevel",
    "name": "Sprockhövel",
    "district": "Ennepe-Ruhr-Kreis",
    "aliases": [
      "Sprockhoevel"
    ],
    "otherMeaning": null
  },
  {
    "slug": "wetter-ruhr",
    "name": "Wetter (Ruhr)",
    "district": "Ennepe-Ruhr-Kreis",
    "aliases": [
      "Wetter"
    ],
    "otherMeaning": "German noun 'Wetter' (weather)"
  },
  {
    "slug": "witten",
    "name": "Witten",
    "district": "Ennepe-Ruhr-Kreis",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "castrop-rauxel",
    "name": "Castrop-Rauxel",
    "district": "Kreis Recklinghausen",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "datteln",
    "name": "Datteln",
    "district": "Kreis Recklinghausen",
    "aliases": [],
    "otherMeaning": "German plural 'Datteln' (dates, the fruit)"
  },
  {
    "slug": "dorsten",
    "name": "Dorsten",
    "district": "Kreis Recklinghausen",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "gladbeck",
    "name": "Gladbeck",
    "district": "Kreis Recklinghausen",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "haltern-am-see",
    "name": "Haltern am See",
    "district": "Kreis Recklinghausen",
    "aliases": [
      "Haltern"
    ],
    "otherMeaning": null
  },
  {
    "slug": "herten",
    "name": "Herten",
    "district": "Kreis Recklinghausen",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "marl",
    "name": "Marl",
    "district": "Kreis Recklinghausen",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "oer-erkenschwick",
    "name": "Oer-Erkenschwick",
    "district": "Kreis Recklinghausen",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "recklinghausen",
    "name": "Recklinghausen",
    "district": "Kreis Recklinghausen",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "waltrop",
    "name": "Waltrop",
    "district": "Kreis Recklinghausen",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "bergkamen",
    "name": "Bergkamen",
    "district": "Kreis Unna",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "boenen",
    "name": "Bönen",
    "district": "Kreis Unna",
    "aliases": [
      "Boenen"
    ],
    "otherMeaning": null
  },
  {
    "slug": "froendenberg-ruhr",
    "name": "Fröndenberg/Ruhr",
    "district": "Kreis Unna",
    "aliases": [
      "Fröndenberg",
      "Froendenberg"
    ],
    "otherMeaning": null
  },
  {
    "slug": "holzwickede",
    "name": "Holzwickede",
    "district": "Kreis Unna",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "kamen",
    "name": "Kamen",
    "district": "Kreis Unna",
    "aliases": [],
    "otherMeaning": "German verb form 'kamen' (came): 'sie kamen nach Dortmund'"
  },
  {
    "slug": "luenen",
    "name": "Lünen",
    "district": "Kreis Unna",
    "aliases": [
      "Luenen"
    ],
    "otherMeaning": null
  },
  {
    "slug": "schwerte",
    "name": "Schwerte",
    "district": "Kreis Unna",
    "aliases": [],
    "otherMeaning": "German plural 'Schwerter' is close (swords)"
  },
  {
    "slug": "selm",
    "name": "Selm",
    "district": "Kreis Unna",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "unna",
    "name": "Unna",
    "district": "Kreis Unna",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "werne",
    "name": "Werne",
    "district": "Kreis Unna",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "alpen",
    "name": "Alpen",
    "district": "Kreis Wesel",
    "aliases": [],
    "otherMeaning": "German 'Alpen' (the Alps)"
  },
  {
    "slug": "dinslaken",
    "name": "Dinslaken",
    "district": "Kreis Wesel",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "hamminkeln",
    "name": "Hamminkeln",
    "district": "Kreis Wesel",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "huenxe",
    "name": "Hünxe",
    "district": "Kreis Wesel",
    "aliases": [
      "Huenxe"
    ],
    "otherMeaning": null
  },
  {
    "slug": "kamp-lintfort",
    "name": "Kamp-Lintfort",
    "district": "Kreis Wesel",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "moers",
    "name": "Moers",
    "district": "Kreis Wesel",
    "aliases": [
      "Mörs"
    ],
    "otherMeaning": null
  },
  {
    "slug": "neukirchen-vluyn",
    "name": "Neukirchen-Vluyn",
    "district": "Kreis Wesel",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "rheinberg",
    "name": "Rheinberg",
    "district": "Kreis Wesel",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "schermbeck",
    "name": "Schermbeck",
    "district": "Kreis Wesel",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "sonsbeck",
    "name": "Sonsbeck",
    "district": "Kreis Wesel",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "voerde-niederrhein",
    "name": "Voerde (Niederrhein)",
    "district": "Kreis Wesel",
    "aliases": [
      "Voerde"
    ],
    "otherMeaning": null
  },
  {
    "slug": "wesel",
    "name": "Wesel",
    "district": "Kreis Wesel",
    "aliases": [],
    "otherMeaning": null
  },
  {
    "slug": "xanten",
    "name": "Xanten",
    "district": "Kreis Wesel",
    "aliases": [],
    "otherMeaning": null
  }
];
