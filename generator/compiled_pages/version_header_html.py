"""version_header.html, compiled by Jinja 3.1.6. Written by ``python -m generator.precompiled``: do not edit."""

FINGERPRINT = "4331bc5d382bbe12fe9bf726931a4a92e3247fae3bcafa7abaa0d1e7f063c714"
JINJA = "3.1.6"

from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'version_header.html'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0__ = resolve('_')
    l_0_status = resolve('status')
    l_0_version = resolve('version')
    l_0_messages = resolve('messages')
    l_0_statement = resolve('statement')
    l_0_as_of = resolve('as_of')
    l_0_links = resolve('links')
    l_0_permalink = resolve('permalink')
    l_0_previous = resolve('previous')
    l_0_following = resolve('following')
    l_0_time = resolve('time')
    l_0_current = resolve('current')
    l_0_upcoming = resolve('upcoming')
    l_0_recently_updated = resolve('recently_updated')
    l_0_ngettext = resolve('ngettext')
    l_0_is_latest_address = resolve('is_latest_address')
    l_0_status_names = l_0_status_words = missing
    try:
        t_1 = environment.filters['date']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'date' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['tojson']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'tojson' found.")
    pass
    l_0_status_names = {'in-force': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'In force'), 'archived': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Archived'), 'upcoming': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Upcoming'), 'draft': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Draft')}
    context.vars['status_names'] = l_0_status_names
    context.exported_vars.add('status_names')
    l_0_status_words = {'in-force': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'in force'), 'archived': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'archived'), 'upcoming': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'upcoming'), 'draft': context.call((undefined(name='_') if l_0__ is missing else l_0__), 'draft')}
    context.vars['status_words'] = l_0_status_words
    context.exported_vars.add('status_words')
    yield '<div class="statement-header statement-header--'
    yield escape(environment.finalize((undefined(name='status') if l_0_status is missing else l_0_status)))
    yield '" role="region" aria-label="'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'About this version')))
    yield '" data-statement-version="'
    yield escape(environment.finalize(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'key')))
    yield '" data-statement-status="'
    yield escape(environment.finalize((undefined(name='status') if l_0_status is missing else l_0_status)))
    yield '"'
    if (undefined(name='messages') if l_0_messages is missing else l_0_messages):
        pass
        yield " data-messages='"
        yield escape(environment.finalize(t_3(context.eval_ctx, (undefined(name='messages') if l_0_messages is missing else l_0_messages))))
        yield "'"
    yield '>\n<p class="statement-print-only statement-print-ref">'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), '%(title)s, version effective %(date)s (%(status)s on %(as_of)s).', title=environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'title'), date=t_1(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective')), status=environment.getitem((undefined(name='status_words') if l_0_status_words is missing else l_0_status_words), (undefined(name='status') if l_0_status is missing else l_0_status)), as_of=t_1((undefined(name='as_of') if l_0_as_of is missing else l_0_as_of)))))
    yield ' '
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Permanent address:')))
    yield ' <a href="'
    yield escape(environment.finalize(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'self')))
    yield '" data-statement-permalink>'
    yield escape(environment.finalize((undefined(name='permalink') if l_0_permalink is missing else l_0_permalink)))
    yield '</a></p>\n<div class="statement-header__facts">\n<p class="statement-status"><span class="statement-chip statement-chip--'
    yield escape(environment.finalize((undefined(name='status') if l_0_status is missing else l_0_status)))
    yield '">'
    yield escape(environment.finalize(environment.getitem((undefined(name='status_names') if l_0_status_names is missing else l_0_status_names), (undefined(name='status') if l_0_status is missing else l_0_status))))
    yield '</span>'
    if (environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'material') and (undefined(name='previous') if l_0_previous is missing else l_0_previous)):
        pass
        yield '<span class="statement-chip statement-chip--material">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Material change')))
        yield '</span>'
    yield '</p>\n<dl class="statement-dates">\n<div><dt>'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Effective')))
    yield '</dt><dd><time datetime="'
    yield escape(environment.finalize(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'key')))
    yield '">'
    yield escape(environment.finalize(t_1(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective'))))
    yield '</time></dd></div>\n<div><dt>'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Published')))
    yield '</dt><dd><time datetime="'
    yield escape(environment.finalize(context.call(environment.getattr(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'published'), 'isoformat'))))
    yield '">'
    yield escape(environment.finalize(t_1(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'published'))))
    yield '</time></dd></div>\n<div><dt>'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Last updated')))
    yield '</dt><dd><time datetime="'
    yield escape(environment.finalize(context.call(environment.getattr(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'last_updated'), 'isoformat'))))
    yield '">'
    yield escape(environment.finalize(t_1(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'last_updated'))))
    yield '</time>'
    if environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'corrections'):
        pass
        yield ' (<a href="#corrections-heading">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'corrected')))
        yield '</a>)'
    yield '</dd></div>\n</dl>\n</div>\n'
    if (((undefined(name='status') if l_0_status is missing else l_0_status) == 'archived') and (undefined(name='following') if l_0_following is missing else l_0_following)):
        pass
        yield '<p class="statement-notice">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'This version is no longer in force: it was replaced on %(date)s by the <a href="%(next)s">next version</a>', date=context.call((undefined(name='time') if l_0_time is missing else l_0_time), environment.getattr((undefined(name='following') if l_0_following is missing else l_0_following), 'key'), environment.getattr((undefined(name='following') if l_0_following is missing else l_0_following), 'effective')), next=environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'next'))))
        if environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'next_changes'):
            pass
            yield ' (<a href="'
            yield escape(environment.finalize(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'next_changes')))
            yield '">'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'what changed')))
            yield '</a>)'
        yield '.'
        if ((undefined(name='current') if l_0_current is missing else l_0_current) and (environment.getattr((undefined(name='current') if l_0_current is missing else l_0_current), 'key') != environment.getattr((undefined(name='following') if l_0_following is missing else l_0_following), 'key'))):
            pass
            yield ' <a href="'
            yield escape(environment.finalize(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'current')))
            yield '">'
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Read the version in force')))
            yield '</a>.'
        yield '</p>\n'
    elif ((undefined(name='status') if l_0_status is missing else l_0_status) == 'upcoming'):
        pass
        yield '<p class="statement-notice">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'This version takes effect on %(date)s.', date=context.call((undefined(name='time') if l_0_time is missing else l_0_time), environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'key'), environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective')))))
        if (undefined(name='current') if l_0_current is missing else l_0_current):
            pass
            yield ' '
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Until then the <a href="%(url)s">version effective %(date)s</a> is in force.', url=environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'current'), date=t_1(environment.getattr((undefined(name='current') if l_0_current is missing else l_0_current), 'effective')))))
        yield '</p>\n'
    elif (((undefined(name='status') if l_0_status is missing else l_0_status) == 'in-force') and (undefined(name='upcoming') if l_0_upcoming is missing else l_0_upcoming)):
        pass
        yield '<p class="statement-notice">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'A new version takes effect on %(date)s: <a href="%(url)s">read it</a>', date=context.call((undefined(name='time') if l_0_time is missing else l_0_time), environment.getattr((undefined(name='upcoming') if l_0_upcoming is missing else l_0_upcoming), 'key'), environment.getattr((undefined(name='upcoming') if l_0_upcoming is missing else l_0_upcoming), 'effective')), url=environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'upcoming'))))
        if environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'upcoming_changes'):
            pass
            yield ' '
            yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'or <a href="%(url)s">see what will change</a>', url=environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'upcoming_changes'))))
        yield '.</p>\n'
    elif (undefined(name='recently_updated') if l_0_recently_updated is missing else l_0_recently_updated):
        pass
        yield '<p class="statement-notice statement-notice--updated">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Updated on %(date)s: <a href="%(url)s">see what changed</a>.', date=context.call((undefined(name='time') if l_0_time is missing else l_0_time), environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'key'), environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'effective')), url=environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'changes'))))
        yield '</p>\n'
    elif ((undefined(name='status') if l_0_status is missing else l_0_status) == 'draft'):
        pass
        yield '<p class="statement-notice">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Draft: this text contains edits that are not committed yet. It is not published.')))
        yield '</p>\n'
    if (environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'summary') and (undefined(name='previous') if l_0_previous is missing else l_0_previous)):
        pass
        yield '<p class="statement-summary"><strong>'
        yield escape(environment.finalize((context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What changes:') if ((undefined(name='status') if l_0_status is missing else l_0_status) == 'upcoming') else context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What changed:'))))
        yield '</strong> '
        yield escape(environment.finalize(environment.getattr((undefined(name='version') if l_0_version is missing else l_0_version), 'summary')))
        yield '</p>\n'
    yield '<nav class="statement-links" aria-label="'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'This version')))
    yield '">\n<ul class="statement-plain-list">\n'
    if environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'changes'):
        pass
        yield '<li><a class="statement-link statement-link--primary" href="'
        yield escape(environment.finalize(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'changes')))
        yield '">'
        yield escape(environment.finalize((context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What will change') if ((undefined(name='status') if l_0_status is missing else l_0_status) == 'upcoming') else context.call((undefined(name='_') if l_0__ is missing else l_0__), 'What changed'))))
        yield '</a></li>'
    yield '<li><a class="statement-link" href="'
    yield escape(environment.finalize(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'history')))
    yield '">'
    yield escape(environment.finalize(context.call((undefined(name='ngettext') if l_0_ngettext is missing else l_0_ngettext), 'History (%(num)d version)', 'History (%(num)d versions)', t_2(environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'versions')))))
    yield '</a></li>\n'
    if (t_2(environment.getattr((undefined(name='statement') if l_0_statement is missing else l_0_statement), 'versions')) > 1):
        pass
        yield '<li><a class="statement-link" href="'
        yield escape(environment.finalize((environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'compare_previous') or environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'compare'))))
        yield '">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Compare versions')))
        yield '</a></li>'
    yield '<li><a class="statement-link" href="'
    yield escape(environment.finalize(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'source')))
    yield '" type="text/markdown" download>'
    yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Markdown source')))
    yield '</a></li>\n'
    if (undefined(name='is_latest_address') if l_0_is_latest_address is missing else l_0_is_latest_address):
        pass
        yield '<li><a class="statement-link" href="'
        yield escape(environment.finalize(environment.getattr((undefined(name='links') if l_0_links is missing else l_0_links), 'self')))
        yield '">'
        yield escape(environment.finalize(context.call((undefined(name='_') if l_0__ is missing else l_0__), 'Permanent link to this version')))
        yield '</a></li>'
    yield '</ul>\n</nav>\n</div>'

blocks = {}
debug_info = '1=46&2=49&3=53&4=67&6=75&8=85&9=91&10=97&13=109&14=112&15=129&16=132&17=138&18=141&19=147&20=150&21=152&22=155&24=157&25=160&27=165&29=167&30=175&31=179&32=187&33=191'
